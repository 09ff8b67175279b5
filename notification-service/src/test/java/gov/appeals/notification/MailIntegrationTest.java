package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.AnswerResult;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Source;
import gov.appeals.notification.mail.messaging.DailyDigest;
import gov.appeals.notification.mail.messaging.SmtpMailer;
import gov.appeals.notification.notice.Notice;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** E-mail to departments and supervisors, against a real SMTP server (GreenMail). */
class MailIntegrationTest extends RunningServiceTest {

    static final String DISPATCH = "/appeals/dispatch-service";
    static final String SLA = "/appeals/sla-service";

    @Autowired
    DailyDigest digest;

    /** A department no other test uses, so its mailbox holds only this test's mail. */
    static String department() {
        return "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String mailbox(String department) {
        return department.toLowerCase(Locale.ROOT) + "@appeals.local";
    }

    static AppealAssigned assignedTo(AppealRef appeal, String department, List<String> coHandlers) {
        return new AppealAssigned(UUID.randomUUID().toString(), appeal, 2, Events.NOW.plusSeconds(60),
                "system:dispatch-service", department, coHandlers, "UTILITIES", "rule:category:UTILITIES",
                "供电问题", Events.DEADLINES);
    }

    static AppealOverdue overdue(AppealRef appeal, String department, ClockKind clock, Instant deadline) {
        return new AppealOverdue(UUID.randomUUID().toString(), appeal, 2, deadline.plusSeconds(60), "system:sla",
                department, AppealStatus.ASSIGNED, clock, deadline);
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(PATIENCE).until(() -> mailTo(address).size() >= count);
        return mailTo(address);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mailsTheLeadDepartmentANewAssignmentWithItsNumberAndDeadline() throws Exception {
        String lead = department();
        String coHandler = department();
        AppealRef appeal = Events.appeal(Source.ONLINE_PORTAL);
        kafka.publish(Events.accepted(appeal), INTAKE);
        AppealAssigned assigned = assignedTo(appeal, lead, List.of(coHandler));

        kafka.publish(assigned, DISPATCH);

        MimeMessage mail = awaitMail(mailbox(lead), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("新分派诉求 " + appeal.number() + " 厂区停电影响生产");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("appeals-noreply@appeals.local");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString()).contains("诉求编号：" + appeal.number(),
                "反馈期限：2026-03-09 09:30", "协办单位：" + coHandler);
        String noticeId = Notice.idOf(assigned.eventId(), Notice.Channel.EMAIL, mailbox(lead), "ASSIGNED");
        assertThat(mail.getMessageID()).isEqualTo(SmtpMailer.messageId(noticeId));
        assertThat(subject(awaitMail(mailbox(coHandler), 1).get(0))).startsWith("协办 " + appeal.number());
        await().atMost(PATIENCE).untilAsserted(() -> web.get()
                .uri("/api/v1/appeals/{id}/notifications", appeal.appealId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.channel == 'EMAIL' && @.recipient == '" + mailbox(lead) + "')].state")
                .isEqualTo("SENT"));
    }

    @Test
    void mailsAnAssignmentDeliveredTwiceOnce() {
        String lead = department();
        AppealRef appeal = Events.appeal(Source.ONLINE_PORTAL);
        AppealAssigned assigned = assignedTo(appeal, lead, List.of());
        kafka.publish(assigned, DISPATCH);
        kafka.publish(assigned, DISPATCH);
        // Same appeal, same partition: once the barrier's mail is there, both copies before it were handled.
        kafka.publish(new AppealDueSoon(UUID.randomUUID().toString(), appeal, 2, Events.NOW.plusSeconds(120),
                "system:sla", lead, AppealStatus.ASSIGNED, ClockKind.SIGN_FOR, Events.DEADLINES.signBy()), SLA);

        List<MimeMessage> mails = awaitMail(mailbox(lead), 2);

        assertThat(mails).extracting(MailIntegrationTest::subject).filteredOn(s -> s.startsWith("新分派诉求"))
                .hasSize(1);
        assertThat(mails).extracting(MailIntegrationTest::subject).filteredOn(s -> s.startsWith("临期提醒"))
                .hasSize(1);
    }

    @Test
    void mailsAnOverdueClockToTheLeadAndTheSupervisors() {
        String lead = department();
        AppealRef appeal = Events.appeal(Source.ONLINE_PORTAL);
        kafka.publish(Events.accepted(appeal), INTAKE);

        kafka.publish(overdue(appeal, lead, ClockKind.ANSWER, Events.DEADLINES.answerBy()), SLA);

        assertThat(subject(awaitMail(mailbox(lead), 1).get(0)))
                .isEqualTo("超期 " + appeal.number() + " 反馈已超期");
        await().atMost(PATIENCE).until(() -> mailTo("supervisors@appeals.local").stream()
                .anyMatch(m -> subject(m).equals("超期 " + appeal.number() + " 反馈已超期")));
    }

    @Test
    void digestsADepartmentsOverdueAppealsOnceADay() throws Exception {
        String lead = department();
        AppealRef late = Events.appeal(Source.ONLINE_PORTAL);
        AppealRef unsigned = Events.appeal(Source.ONLINE_PORTAL);
        AppealRef answered = Events.appeal(Source.ONLINE_PORTAL);
        for (AppealRef appeal : List.of(late, unsigned, answered)) {
            kafka.publish(Events.accepted(appeal), INTAKE);
        }
        kafka.publish(overdue(late, lead, ClockKind.ANSWER, Events.DEADLINES.answerBy()), SLA);
        kafka.publish(overdue(unsigned, lead, ClockKind.SIGN_FOR, Events.DEADLINES.signBy()), SLA);
        kafka.publish(overdue(answered, lead, ClockKind.ANSWER, Events.DEADLINES.answerBy()), SLA);
        kafka.publish(new AppealResponded(UUID.randomUUID().toString(), answered, 3, Events.NOW.plusSeconds(7200),
                "staff:wang", lead, AnswerResult.RESOLVED, "已处理", false), "/appeals/appeal-workflow");
        // After the answer on the same partition: once its mail is there, the answer was handled.
        kafka.publish(new AppealDueSoon(UUID.randomUUID().toString(), answered, 3, Events.NOW.plusSeconds(7300),
                "system:sla", lead, AppealStatus.RESPONDED, ClockKind.FIRST_CONTACT, Events.DEADLINES.answerBy()),
                SLA);
        await().atMost(PATIENCE).until(() -> mailTo(mailbox(lead)).stream()
                .filter(m -> subject(m).startsWith("超期")).count() == 3
                && mailTo(mailbox(lead)).stream().anyMatch(m -> subject(m).startsWith("临期提醒")));
        LocalDate day = LocalDate.of(2026, 3, 11);

        int first = digest.sendFor(day).block(PATIENCE);
        int second = digest.sendFor(day).block(PATIENCE);

        assertThat(first).isPositive();
        assertThat(second).isZero();
        List<MimeMessage> digests = awaitMail(mailbox(lead), 5).stream()
                .filter(m -> subject(m).startsWith("每日超期汇总 2026-03-11")).toList();
        assertThat(digests).hasSize(1);
        assertThat(subject(digests.get(0))).isEqualTo("每日超期汇总 2026-03-11 " + lead + "（2 件）");
        String body = digests.get(0).getContent().toString();
        assertThat(body).contains(late.number() + "  厂区停电影响生产", "反馈期限 2026-03-09 09:30",
                unsigned.number(), "签收期限 2026-03-03 09:30", "已超期");
        assertThat(body).doesNotContain(answered.number());
    }

    @Test
    void recordsAMailOfAKindSwitchedOffAsSuppressedAndSendsNothing() {
        String lead = department();
        AppealRef appeal = Events.appeal(Source.ONLINE_PORTAL);
        ExtensionDecided decided = new ExtensionDecided(UUID.randomUUID().toString(), appeal, 2,
                Events.NOW.plusSeconds(600), "staff:li", lead, AppealStatus.SIGNED, "X-1", true, "同意",
                new Deadlines(null, null, Events.NOW.plusSeconds(14 * 86400)));

        kafka.publish(decided, "/appeals/supervision");

        await().atMost(PATIENCE).untilAsserted(() -> web.get()
                .uri("/api/v1/appeals/{id}/notifications", appeal.appealId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.channel == 'EMAIL')].recipient").isEqualTo(mailbox(lead))
                .jsonPath("$[?(@.channel == 'EMAIL')].topic").isEqualTo("EXTENSION")
                .jsonPath("$[?(@.channel == 'EMAIL')].state").isEqualTo("SUPPRESSED")
                .jsonPath("$[?(@.channel == 'EMAIL')].outcome").isEqualTo("topic EXTENSION switched off"));
        assertThat(mailTo(mailbox(lead))).isEmpty();
    }
}
