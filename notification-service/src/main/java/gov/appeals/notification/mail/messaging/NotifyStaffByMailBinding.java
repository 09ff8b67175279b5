package gov.appeals.notification.mail.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.kit.messaging.EventReader;
import gov.appeals.notification.mail.StaffMails;

/**
 * {@code notifyStaffByMail} on {@code appeals.events}, in its own consumer group
 * ({@code notification-service-mail}): e-mail to departments and supervisors.
 *
 * <p>A record whose payload does not read is skipped here ({@link EventReader#skippingUnreadable}): the service's
 * {@code notifyHotline} binding dead-letters it once, and a replay reaches this binding too. Any other failure (the
 * store down for longer than the kit retries) is dead-lettered by this binding as usual.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyStaffByMailBinding {

    @Bean
    public Consumer<Message<byte[]>> notifyStaffByMail(EventConsumers consumers, StaffMailer mailer) {
        return consumers.of(EventReader.skippingUnreadable(EventCodec::decode), mailer::handle);
    }

    @Bean
    public StaffMails staffMails(MailProperties properties) {
        return new StaffMails(properties.mailboxes(), properties.zone());
    }
}
