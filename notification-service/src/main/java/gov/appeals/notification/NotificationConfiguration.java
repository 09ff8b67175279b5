package gov.appeals.notification;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.notification.inbox.store.InboxStore;
import gov.appeals.notification.notice.store.NoticeLedger;

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
