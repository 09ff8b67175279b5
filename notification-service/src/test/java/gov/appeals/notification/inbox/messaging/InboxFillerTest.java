package gov.appeals.notification.inbox.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.reference.ReferenceData;

class InboxFillerTest {

    @Test
    void asksNoStoreAboutTheNotesThisServicePublishes() {
        // No store, no ledger: any call to either would fail the event.
        InboxFiller filler = new InboxFiller(null, null, null, ReferenceData.bundled(), Clock.systemUTC());
        AppealNotified notified = new AppealNotified("e-9", new AppealRef("a-1", "QS-1", Source.HOTLINE_12345, "GD-1"),
                3, Instant.parse("2026-03-02T01:30:00Z"), "system:notification-service", AppealStatus.ASSIGNED, "e-2",
                "CALLBACK", "12345", "已分派", "SENT", "HTTP 200");

        assertThatCode(() -> filler.handle(notified).block()).doesNotThrowAnyException();
    }
}
