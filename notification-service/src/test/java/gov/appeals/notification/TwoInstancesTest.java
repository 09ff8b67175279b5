package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service, as production runs them: this test's application context and a second one started
 * beside it in the same JVM with the same settings (same consumer groups, same MongoDB database, same 12345 stub, SMS
 * gateway and SMTP server), on another HTTP port. Kafka splits the partitions of {@code appeals.events} of each of
 * the four consumer groups (callbacks, SMS, inbox, mail) between them.
 *
 * <p>What it proves: with the events of many hotline appeals spread over two instances, one of which is stopped
 * while it is handling them (its partitions move to the other), every callback reaches 12345 once and in the
 * appeal's order, every SMS reaches the gateway once, every e-mail reaches the SMTP server once and every unit's
 * inbox holds one item per appeal; and that the same events delivered again change nothing anyone would notice.
 *
 * <p>The second instance joins the consumer groups of the shared context for the length of the test only; it is
 * closed before the test ends, so no other test class sees it.
 */
class TwoInstancesTest extends RunningServiceTest {

    private static final String DISPATCH = "/appeals/dispatch-service";
    private static final List<String> GROUPS = List.of("notification-service", "notification-service-sms",
            "notification-service-inbox", "notification-service-mail");
    /** The callback group's consumers per instance come from its binding; the others take the kit's default. */
    private static final String HOTLINE_GROUP = "notification-service";
    private static final String HOTLINE_CONCURRENCY =
            "spring.cloud.stream.bindings.notifyHotline-in-0.consumer.concurrency";
    private static final String DEFAULT_CONCURRENCY = "spring.cloud.stream.default.consumer.concurrency";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ConfigurableEnvironment environment;

    /** One hotline appeal, accepted and assigned to a lead unit with a co-handling unit no other test uses. */
    record Appeal(AppealRef ref, AppealAccepted accepted, AppealAssigned assigned, String lead, String coHandler) {

        static Appeal next() {
            AppealRef ref = Events.appeal(Source.HOTLINE_12345);
            String lead = unit();
            String coHandler = unit();
            return new Appeal(ref, Events.accepted(ref), MailIntegrationTest.assignedTo(ref, lead, List.of(coHandler)),
                    lead, coHandler);
        }

        String id() {
            return ref.appealId();
        }

        /** Its events as published, on the partition of its own id. */
        List<EventEnvelope> events() {
            return List.of(EventEnvelope.of(accepted, INTAKE), EventEnvelope.of(assigned, DISPATCH));
        }

        /** Its events on the partition of {@code before}: once they are handled, so is everything before them. */
        List<EventEnvelope> behind(Appeal before) {
            return events().stream().map(e -> new EventEnvelope(before.id(), e.topic(), e.headers(), e.payload()))
                    .toList();
        }

        private static String unit() {
            return "TW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
    }

    @Test
    void sendsEveryCallbackTextMailAndInboxItemOnceWhileTwoInstancesShareTheEventsOneStopsAndTheEventsComeAgain() {
        List<Appeal> whileBothRun = Stream.generate(Appeal::next).limit(20).toList();
        List<Appeal> afterOneStopped = Stream.generate(Appeal::next).limit(20).toList();
        List<Appeal> all = Stream.concat(whileBothRun.stream(), afterOneStopped.stream()).toList();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.start().kafkaBootstrapServers()))) {
            try (ConfigurableApplicationContext second = startSecondInstance()) {
                assertThat(port(second)).as("its own HTTP port").isNotEqualTo(environment.getProperty("local.server.port"));
                WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(second)).build()
                        .get().uri("/actuator/health").exchange().expectStatus().isOk();
                awaitConsumers(admin, 2);

                kafka.publishAll(events(whileBothRun));
                // Stopped while the events are being handled: some called back, not necessarily all.
                await().atMost(PATIENCE).until(() -> confirmedCallbacks(whileBothRun) >= whileBothRun.size());
                assertThat(recordsHandledBy(second)).as("records the second instance handled").isPositive();
            }
            // Its partitions are the first instance's now.
            awaitConsumers(admin, 1);
        }
        kafka.publishAll(events(afterOneStopped));

        await().atMost(PATIENCE).until(() -> confirmedCallbacks(all) == 2 * all.size()
                && all.stream().allMatch(a -> !smsGateway.takenAbout(a.ref().number()).isEmpty())
                && allMailed(all));
        awaitInboxItems(all);
        assertSentOnce(all);

        // Every event again (a redelivery), then behind each appeal's events a new appeal's on the same partition.
        List<Appeal> barriers = Stream.generate(Appeal::next).limit(all.size()).toList();
        List<EventEnvelope> again = new ArrayList<>(events(all));
        for (int i = 0; i < all.size(); i++) {
            again.addAll(barriers.get(i).behind(all.get(i)));
        }
        kafka.publishAll(again);
        await().atMost(PATIENCE).until(() -> confirmedCallbacks(barriers) == 2 * barriers.size()
                && barriers.stream().allMatch(b -> !smsGateway.takenAbout(b.ref().number()).isEmpty())
                && allMailed(barriers));
        awaitInboxItems(barriers);

        assertSentOnce(all);
        assertSentOnce(barriers);
    }

    /** What 12345, the enterprise's contact, the units' mailboxes and their inboxes got: each thing once. */
    private void assertSentOnce(List<Appeal> appeals) {
        Map<String, Long> mailboxes = mailboxes();
        for (Appeal a : appeals) {
            assertThat(hotline.callbacksFor(a.id())).as("callbacks for " + a.id())
                    .extracting(RecordingStub.Request::eventId, RecordingStub.Request::status)
                    .containsExactly(tuple(a.accepted().eventId(), 200),
                            tuple(a.assigned().eventId(), 200));
            assertThat(smsGateway.requestsAbout(a.ref().number())).as("SMS about " + a.ref().number()).hasSize(1);
            assertThat(mailsTo(mailboxes, a.lead())).as("mail to the lead of " + a.id()).isEqualTo(1);
            assertThat(mailsTo(mailboxes, a.coHandler())).as("mail to the co-handler of " + a.id()).isEqualTo(1);
            assertThat(inboxItems(a.lead(), a.id())).as("inbox of the lead of " + a.id())
                    .extracting(item -> item.path("kind").asString()).containsExactly("ASSIGNED");
            assertThat(inboxItems(a.coHandler(), a.id())).as("inbox of the co-handler of " + a.id())
                    .extracting(item -> item.path("kind").asString()).containsExactly("CO_HANDLING");
        }
    }

    /**
     * A second instance with the settings the first was given (the test's inlined and dynamic properties: the same
     * Kafka, MongoDB database, stubs and retry pauses) and an HTTP port of its own. On the command line, so that they
     * win over application.yaml as they do in the first.
     */
    private ConfigurableApplicationContext startSecondInstance() {
        Map<String, Object> same = new LinkedHashMap<>();
        for (String name : List.of("Inlined Test Properties", "Dynamic Test Properties")) {
            if (environment.getPropertySources().get(name) instanceof EnumerablePropertySource<?> source) {
                for (String key : source.getPropertyNames()) {
                    same.put(key, source.getProperty(key));
                }
            }
        }
        assertThat(same).as("the first instance's settings").containsKeys("spring.mongodb.uri",
                "appeals.hotline.callback-url", "appeals.sms.gateway-url", "spring.mail.port");
        same.put("server.port", 0);
        same.put("spring.main.web-application-type", "reactive");
        String[] args = same.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationApplication.class).run(args);
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Waits until each of the four consumer groups is settled with every consumer of {@code instances} instances and
     * every partition of the topic assigned (a group may have more consumers than partitions: some then idle).
     */
    private void awaitConsumers(Admin admin, int instances) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all()
                    .get(10, TimeUnit.SECONDS);
            int partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.EVENTS).partitions().size();
            assertThat(groups.values()).allSatisfy(group -> {
                int perInstance = Integer.parseInt(environment.getProperty(
                        HOTLINE_GROUP.equals(group.groupId()) ? HOTLINE_CONCURRENCY : DEFAULT_CONCURRENCY, "1"));
                assertThat(group.groupState()).as(group.groupId()).isEqualTo(GroupState.STABLE);
                assertThat(group.members()).as(group.groupId()).hasSize(instances * perInstance);
                assertThat(group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                        .distinct().count()).as("%s: partitions assigned", group.groupId()).isEqualTo(partitions);
            });
        });
    }

    /** How many records the instance's Kafka listeners handled (the binder's listener observations). */
    private static long recordsHandledBy(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("spring.kafka.listener").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private static List<EventEnvelope> events(List<Appeal> appeals) {
        return appeals.stream().flatMap(a -> a.events().stream()).toList();
    }

    private static long confirmedCallbacks(List<Appeal> appeals) {
        return appeals.stream().mapToLong(a -> hotline.confirmedFor(a.id()).size()).sum();
    }

    /** How many mails each address got (read once: GreenMail copies every message it holds on each read). */
    private static Map<String, Long> mailboxes() {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                    counts.merge(to.toString().toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private static long mailsTo(Map<String, Long> mailboxes, String unit) {
        return mailboxes.getOrDefault(MailIntegrationTest.mailbox(unit), 0L);
    }

    private static boolean allMailed(List<Appeal> appeals) {
        Map<String, Long> mailboxes = mailboxes();
        return appeals.stream().allMatch(a -> mailsTo(mailboxes, a.lead()) > 0 && mailsTo(mailboxes, a.coHandler()) > 0);
    }

    /** Waits until the lead's and the co-handler's inbox show each appeal, asking again only for what was missing. */
    private void awaitInboxItems(List<Appeal> appeals) {
        List<String[]> missing = new ArrayList<>();
        appeals.forEach(a -> {
            missing.add(new String[] {a.lead(), a.id()});
            missing.add(new String[] {a.coHandler(), a.id()});
        });
        await().atMost(PATIENCE).until(() -> {
            missing.removeIf(unitAndAppeal -> !inboxItems(unitAndAppeal[0], unitAndAppeal[1]).isEmpty());
            return missing.isEmpty();
        });
    }

    /** The unit's inbox items of the appeal, as the unit's clerk sees them. */
    private List<JsonNode> inboxItems(String unit, String appealId) {
        String body = Credentials.as(anonymous, "clerk-" + unit).get().uri("/api/v1/inbox?page=0&size=100")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(body).path("items").forEach(item -> {
            if (appealId.equals(item.path("appealId").asString())) {
                items.add(item);
            }
        });
        return items;
    }
}
