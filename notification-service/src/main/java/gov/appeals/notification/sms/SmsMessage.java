package gov.appeals.notification.sms;

/**
 * One text message to send: its topic (the template's name, also the notice's topic) and its text.
 */
public record SmsMessage(String topic, String text) {
}
