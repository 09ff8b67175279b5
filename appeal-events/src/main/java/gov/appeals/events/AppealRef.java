package gov.appeals.events;

import java.util.Objects;

/**
 * Identifies the appeal an event is about, in every event, so a consumer never has to look up where an appeal came
 * from (the 12345 callback needs {@code source} and {@code externalId}) before it can act.
 *
 * @param appealId   the platform's id (also the Kafka key and the CloudEvents subject)
 * @param number     the human-readable number, e.g. {@code QS-20261122-000123}
 * @param source     where it came in
 * @param externalId the id in the source system (the 12345 work-order number)
 */
public record AppealRef(String appealId, String number, Source source, String externalId) {
    public AppealRef {
        Objects.requireNonNull(appealId, "appealId");
    }
}
