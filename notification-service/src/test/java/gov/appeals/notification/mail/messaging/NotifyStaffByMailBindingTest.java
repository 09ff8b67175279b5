package gov.appeals.notification.mail.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAssigned;

class NotifyStaffByMailBindingTest {

    @Test
    void skipsAnUnreadableRecordWhichTheHotlineBindingDeadLetters() {
        assertThat(NotifyStaffByMailBinding.readOrSkip(AppealAssigned.TYPE,
                "{\"eventId\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
