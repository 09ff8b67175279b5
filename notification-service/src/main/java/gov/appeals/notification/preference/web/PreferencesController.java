package gov.appeals.notification.preference.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import gov.appeals.kit.security.Actor;
import gov.appeals.kit.security.Roles;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.notification.preference.Preference;
import gov.appeals.notification.preference.Preferences;
import gov.appeals.notification.preference.store.PreferenceStore;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/**
 * A recipient's notification preference, read and set: an enterprise's for SMS (by its credit code), a department's
 * or the supervisors' for e-mail. Supervisors and operators for anyone; a department's head for its own department's
 * e-mail; a source system (12345, which the enterprise tells) for an enterprise's SMS.
 */
@RestController
@RequestMapping(path = "/api/v1/notification-preferences", produces = MediaType.APPLICATION_JSON_VALUE)
public class PreferencesController {

    /** What a request sets: the whole preference. */
    public record PreferenceRequest(Boolean enabled, List<String> topics, String quietHours) {
    }

    /**
     * A preference as read: the stored one, or ({@code default: true}) the service-wide configuration the recipient
     * falls back to.
     */
    public record PreferenceView(Preference.Channel channel, String recipient, boolean enabled, List<String> topics,
                                 String quietHours, Instant updatedAt, String updatedBy,
                                 @JsonProperty("default") boolean fallback) {

        static PreferenceView of(Preference p, List<String> order, boolean fallback) {
            return new PreferenceView(p.channel(), p.recipient(), p.enabled(),
                    order.stream().filter(p.topics()::contains).toList(), p.quietHours(), p.updatedAt(),
                    p.updatedBy(), fallback);
        }
    }

    private final PreferenceStore store;
    private final Preferences preferences;
    private final ReferenceData reference;
    private final Clock clock;

    public PreferencesController(PreferenceStore store, Preferences preferences, ReferenceData reference,
                                 Clock clock) {
        this.store = store;
        this.preferences = preferences;
        this.reference = reference;
        this.clock = clock;
    }

    @GetMapping("/{channel}/{recipient}")
    @Operation(summary = "A recipient's preference on a channel, or the service's defaults it falls back to",
            description = "channel SMS (recipient: the enterprise's unified social credit code) or EMAIL (a "
                    + "department's code, or SUPERVISORS). default: true when the recipient has set none. "
                    + "Supervisors and operators: any; a head: its department's EMAIL; a source system: SMS.")
    public Mono<PreferenceView> get(@PathVariable String channel, @PathVariable String recipient,
                                    @AuthenticationPrincipal Actor actor) {
        Preference.Channel ch = authorized(actor, channel, recipient);
        checkRecipient(ch, recipient);
        List<String> order = preferences.defaults(ch).known();
        return store.find(ch, recipient).map(p -> PreferenceView.of(p, order, false))
                .switchIfEmpty(Mono.fromSupplier(() ->
                        PreferenceView.of(preferences.fallback(ch, recipient), order, true)));
    }

    @PutMapping(path = "/{channel}/{recipient}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sets a recipient's preference on a channel",
            description = "{enabled, topics, quietHours}: enabled required; topics the SMS templates (accepted, "
                    + "answered, rating-invitation) or mail kinds (ASSIGNED … DIGEST) wanted, empty or left out for "
                    + "all; quietHours (SMS only) HH:mm-HH:mm, \"\" for none, left out for the service's. A "
                    + "recipient can switch off what the service sends, never switch on what it has off.")
    public Mono<PreferenceView> put(@PathVariable String channel, @PathVariable String recipient,
                                    @RequestBody PreferenceRequest request, @AuthenticationPrincipal Actor actor) {
        Preference.Channel ch = authorized(actor, channel, recipient);
        checkRecipient(ch, recipient);
        Preference preference;
        try {
            preference = preferences.validated(ch, recipient, request.enabled(), request.topics(),
                    request.quietHours(), clock.instant(), actor.isSource() ? actor.source() : actor.id());
        } catch (Preferences.InvalidPreference e) {
            List<FieldProblem> problems = new ArrayList<>();
            Stream.concat(Stream.of(e), Stream.of(e.getSuppressed())).map(Preferences.InvalidPreference.class::cast)
                    .forEach(p -> problems.add(new FieldProblem(p.field(), p.getMessage())));
            throw new InvalidRequestException(problems);
        }
        List<String> order = preferences.defaults(ch).known();
        return store.save(preference).map(p -> PreferenceView.of(p, order, false));
    }

    /**
     * Who may: supervisors and operators any preference; a head its own department's e-mail; a source system an
     * enterprise's SMS. The path rules let only these roles in (NotificationConfiguration).
     */
    private static Preference.Channel authorized(Actor actor, String channel, String recipient) {
        boolean districtWide = actor.has(Roles.SUPERVISOR) || actor.has(Roles.OPERATOR);
        if (!districtWide) {
            if (actor.isSource()) {
                if (!channel.equals(Preference.Channel.SMS.name())) {
                    throw new ForbiddenException("A source system sets an enterprise's SMS preference only");
                }
            } else if (!(actor.has(Roles.HEAD) && channel.equals(Preference.Channel.EMAIL.name())
                    && recipient.equals(actor.department()))) {
                throw new ForbiddenException("A head sets its own department's EMAIL preference only");
            }
        }
        try {
            return Preference.Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("channel", "SMS or EMAIL");
        }
    }

    private void checkRecipient(Preference.Channel channel, String recipient) {
        if (channel == Preference.Channel.EMAIL && !known(recipient)) {
            throw new InvalidRequestException("recipient", "a department's code or " + Preferences.SUPERVISORS);
        }
        if (channel == Preference.Channel.SMS && !Preferences.isCreditCode(recipient)) {
            throw new InvalidRequestException("recipient", "an enterprise's unified social credit code: 18 characters of 0-9 and A-Y without I, O, S, V, Z");
        }
    }

    private boolean known(String recipient) {
        return recipient.equals(Preferences.SUPERVISORS) || reference.unit(recipient).isPresent();
    }
}
