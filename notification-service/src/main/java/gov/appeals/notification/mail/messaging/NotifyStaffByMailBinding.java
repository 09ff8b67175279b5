package gov.appeals.notification.mail.messaging;

import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.notification.mail.StaffMails;

/**
 * {@code notifyStaffByMail} on {@code appeals.events}, in its own consumer group
 * ({@code notification-service-mail}): e-mail to departments and supervisors.
 *
 * <p>A record whose payload does not read is skipped here, with a warning: the service's {@code notifyHotline}
 * binding reads the same record and dead-letters it, and replaying that one letter publishes it to
 * {@code appeals.events} again, where this binding reads it too. Dead-lettering it here as well would give operators
 * two letters for one record, and replaying both would deliver it twice to every binding. Any other failure (the
 * store down for longer than the kit retries) is dead-lettered by this binding as usual.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyStaffByMailBinding {

    private static final Logger log = LoggerFactory.getLogger(NotifyStaffByMailBinding.class);

    @Bean
    public Consumer<Message<byte[]>> notifyStaffByMail(EventConsumers consumers, StaffMailer mailer) {
        return consumers.of(NotifyStaffByMailBinding::readOrSkip, mailer::handle);
    }

    static Optional<AppealEvent> readOrSkip(String type, byte[] payload) {
        try {
            return EventCodec.decode(type, payload);
        } catch (IllegalArgumentException unreadable) {
            log.warn("Skipped an unreadable {} record (notifyHotline dead-letters it): {}", type,
                    unreadable.getMessage());
            return Optional.empty();
        }
    }

    @Bean
    public StaffMails staffMails(MailProperties properties) {
        return new StaffMails(properties.mailboxes(), properties.zone());
    }
}
