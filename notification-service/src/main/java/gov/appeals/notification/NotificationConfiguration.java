package gov.appeals.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.notification.inbox.store.InboxStore;
import gov.appeals.notification.mail.MailKind;
import gov.appeals.notification.mail.messaging.MailProperties;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.notification.preference.Preferences;
import gov.appeals.notification.preference.QuietHours;
import gov.appeals.notification.sms.SmsPreferences;
import gov.appeals.notification.sms.SmsTemplates;

/** Notification's rows of the authorization matrix (docs/security.md): what 12345 was told is for the district. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    AccessRules notificationAccess() {
        return rules -> rules.pathMatchers(HttpMethod.GET, "/api/v1/deliveries")
                .hasAnyRole(Roles.SUPERVISOR, Roles.OPERATOR)
                .pathMatchers(HttpMethod.GET, "/api/v1/appeals/*/notifications")
                .hasAnyRole(Roles.TRIAGER, Roles.SUPERVISOR, Roles.OPERATOR);
    }

    /** The staff inbox: everyone whose token names a unit (its department, supervisors', the triage unit). */
    @Bean
    AccessRules inboxAccess() {
        return rules -> rules.pathMatchers(HttpMethod.GET, "/api/v1/inbox", "/api/v1/inbox/stream")
                .hasAnyRole(Roles.CLERK, Roles.HEAD, Roles.TRIAGER, Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.POST, "/api/v1/inbox/read-all", "/api/v1/inbox/*/read")
                .hasAnyRole(Roles.CLERK, Roles.HEAD, Roles.TRIAGER, Roles.SUPERVISOR);
    }

    /**
     * Recipients' preferences: supervisors and operators any; a head its own department's e-mail, a source system
     * (12345, told by the enterprise) an enterprise's SMS, as the controller checks.
     */
    @Bean
    AccessRules preferenceAccess() {
        return rules -> rules.pathMatchers(HttpMethod.GET, "/api/v1/notification-preferences/*/*")
                .hasAnyRole(Roles.SOURCE, Roles.HEAD, Roles.SUPERVISOR, Roles.OPERATOR)
                .pathMatchers(HttpMethod.PUT, "/api/v1/notification-preferences/*/*")
                .hasAnyRole(Roles.SOURCE, Roles.HEAD, Roles.SUPERVISOR, Roles.OPERATOR);
    }

    /** What SMS and e-mail fall back to for a recipient without a preference: their service-wide configuration. */
    @Bean
    Preferences preferences(SmsPreferences sms, QuietHours smsQuietHours, MailProperties mail) {
        return new Preferences(
                new Preferences.Defaults(sms.enabled(), sms.topics(), SmsPreferences.ALL, smsQuietHours,
                        "SMS switched off (appeals.sms.enabled)", "topic {topic} switched off (appeals.sms.topics)",
                        true),
                new Preferences.Defaults(mail.enabled(),
                        mail.topics().stream().map(MailKind::name).collect(Collectors.toSet()),
                        Arrays.stream(MailKind.values()).map(MailKind::name).toList(), QuietHours.none(),
                        "mail disabled", "topic {topic} switched off", false),
                SmsTemplates.ZONE);
    }

    /** The inbox's indexes, before the first item is stored. */
    @Bean
    SmartInitializingSingleton inboxIndexes(InboxStore inbox) {
        return () -> inbox.createIndexes().block(Duration.ofMinutes(1));
    }

    /** The notice ledger's indexes must exist before the first notice is claimed, so startup waits. */
    @Bean
    SmartInitializingSingleton noticeIndexes(NoticeLedger ledger) {
        return () -> ledger.createIndexes().block(Duration.ofMinutes(1));
    }
}
