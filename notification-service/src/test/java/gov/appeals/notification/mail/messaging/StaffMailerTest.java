package gov.appeals.notification.mail.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.notification.mail.Mailboxes;
import gov.appeals.notification.mail.StaffMails;

class StaffMailerTest {

    @Test
    void asksNoStoreAboutTheNotesThisServicePublishes() {
        // No store, no delivery: any call to either would fail the event.
        StaffMailer mailer = new StaffMailer(null, new StaffMails(new Mailboxes(Map.of(), "{code}@appeals.local",
                "supervisors@appeals.local"), ZoneId.of("Asia/Shanghai")), null);
        AppealNotified notified = new AppealNotified("e-9", new AppealRef("a-1", "QS-1", Source.ONLINE_PORTAL, null),
                3, Instant.parse("2026-03-02T01:30:00Z"), "system:notification-service", AppealStatus.ASSIGNED, "e-2",
                "SMS", "130****6871", "answered", "SENT", "SMS-1");

        assertThatCode(() -> mailer.handle(notified).block()).doesNotThrowAnyException();
    }
}
