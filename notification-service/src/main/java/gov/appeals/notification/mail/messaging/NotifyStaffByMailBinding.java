package gov.appeals.notification.mail.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.notification.mail.StaffMails;

/**
 * {@code notifyStaffByMail} on {@code appeals.events}, in its own consumer group
 * ({@code notification-service-mail}): e-mail to departments and supervisors.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyStaffByMailBinding {

    @Bean
    public Consumer<Message<byte[]>> notifyStaffByMail(EventConsumers consumers, StaffMailer mailer) {
        return consumers.of(EventCodec::decode, mailer::handle);
    }

    @Bean
    public StaffMails staffMails(MailProperties properties) {
        return new StaffMails(properties.mailboxes(), properties.zone());
    }
}
