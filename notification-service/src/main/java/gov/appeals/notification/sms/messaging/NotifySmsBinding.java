package gov.appeals.notification.sms.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.kit.messaging.EventReader;
import gov.appeals.notification.preference.QuietHours;
import gov.appeals.notification.sms.SmsMessages;
import gov.appeals.notification.sms.SmsPreferences;
import gov.appeals.notification.sms.SmsTemplates;
import gov.appeals.notification.sms.web.SmsProperties;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;

/**
 * SMS's binder function, {@code notifySms} on {@code appeals.events} in its own group
 * ({@code notification-service-sms}): acceptances and answers text the enterprise's contact; every other type is
 * skipped. Also makes SMS's plain-Java parts from {@code appeals.sms.*}.
 */
@Configuration(proxyBeanMethods = false)
public class NotifySmsBinding {

    @Bean
    public Consumer<Message<byte[]>> notifySms(EventConsumers consumers, SmsNotifier notifier) {
        // An unreadable record is dead-lettered once, by notifyHotline; this group skips it (EventReader).
        return consumers.of(EventReader.skippingUnreadable(EventCodec::decode), notifier::handle);
    }

    @Bean
    SmsMessages smsMessages(SmsProperties properties, ReferenceData reference) {
        return new SmsMessages(new SmsTemplates(properties.templates()),
                code -> reference.unit(code).map(Department::name).orElse(code));
    }

    @Bean
    SmsPreferences smsPreferences(SmsProperties properties) {
        List<String> topics = properties.topics();
        return SmsPreferences.of(properties.enabled(), topics == null || topics.isEmpty() ? null : topics);
    }

    @Bean
    QuietHours smsQuietHours(SmsProperties properties) {
        return QuietHours.parse(properties.quietHours(), SmsTemplates.ZONE);
    }
}
