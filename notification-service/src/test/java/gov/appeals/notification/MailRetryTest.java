package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import gov.appeals.notification.mail.Mail;
import gov.appeals.notification.mail.MailKind;
import gov.appeals.notification.mail.messaging.MailDelivery;
import gov.appeals.notification.mail.messaging.MailProperties;
import gov.appeals.notification.mail.messaging.SmtpMailer;
import gov.appeals.notification.mail.store.MailStore;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.notification.preference.Preferences;
import gov.appeals.notification.preference.store.PreferenceStore;

/** A mail the SMTP server did not take is retried later, given up after a day; one left pending is never resent. */
class MailRetryTest extends RunningServiceTest {

    @Autowired
    MailDelivery delivery;
    @Autowired
    NoticeLedger ledger;
    @Autowired
    MailStore store;
    @Autowired
    MailProperties properties;
    @Autowired
    Preferences preferences;
    @Autowired
    PreferenceStore preferenceStore;
    @Autowired
    Clock clock;

    static String address() {
        return "r" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "@appeals.local";
    }

    /** The same delivery, but towards an SMTP port nothing listens on. */
    MailDelivery towardsADownServer() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("127.0.0.1");
        down.setPort(closed);
        return new MailDelivery(ledger, store, new SmtpMailer(down, properties), properties, preferences,
                preferenceStore, clock);
    }

    @Test
    void retriesAMailTheServerDidNotTakeAndSendsItOnceItIsBack() throws IOException {
        String to = address();
        String appealId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Mail mail = new Mail(MailKind.DUE_SOON, "DRETRY", to, "临期提醒 QS-RETRY", "请在期限前办理。");

        assertThat(towardsADownServer().deliver(appealId, eventId, mail).block(PATIENCE)).isTrue();

        String id = Notice.idOf(eventId, Notice.Channel.EMAIL, to, "DUE_SOON");
        Notice deferred = ledger.find(id).block(PATIENCE);
        assertThat(deferred.state()).isEqualTo(Notice.State.DEFERRED);
        assertThat(deferred.notBefore()).isAfter(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(deferred.outcome()).isNotBlank();
        assertThat(MailIntegrationTest.mailTo(to)).isEmpty();

        delivery.retry(deferred).block(PATIENCE);
        delivery.retry(deferred).block(PATIENCE);

        assertThat(ledger.find(id).block(PATIENCE)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(Notice.State.SENT);
            assertThat(n.attempts()).isEqualTo(1);
        });
        assertThat(MailIntegrationTest.mailTo(to)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("临期提醒 QS-RETRY"));
    }

    @Test
    void givesUpOnAMailFirstTriedLongerAgoThanADay() {
        String to = address();
        String eventId = UUID.randomUUID().toString();
        Mail mail = new Mail(MailKind.OVERDUE, "DOLD", to, "超期 QS-OLD", "请尽快办理。");
        Instant now = clock.instant();
        Notice notice = Notice.deferred(null, eventId, Notice.Channel.EMAIL, to, "OVERDUE", mail.summary(),
                now, now);
        ledger.claim(notice).block(PATIENCE);
        store.keep(notice.id(), mail, now.minus(Duration.ofHours(25))).block(PATIENCE);

        delivery.retry(notice).block(PATIENCE);

        assertThat(ledger.find(notice.id()).block(PATIENCE)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(Notice.State.FAILED);
            assertThat(n.outcome()).startsWith("given up after PT24H");
        });
        assertThat(MailIntegrationTest.mailTo(to)).isEmpty();
    }

    @Test
    void neverResendsAMailLeftPendingByAStoppedSender() {
        String to = address();
        Instant longAgo = clock.instant().minus(Duration.ofHours(1));
        Notice left = new Notice(Notice.idOf("e-" + UUID.randomUUID(), Notice.Channel.EMAIL, to, "ASSIGNED"),
                UUID.randomUUID().toString(), "e", Notice.Channel.EMAIL, to, "ASSIGNED", "ASSIGNED 新分派诉求",
                Notice.State.PENDING, 0, longAgo, null, null, null, null, null, null, null);
        ledger.claim(left).block(PATIENCE);
        Notice stale = ledger.due(Notice.Channel.EMAIL, clock.instant(), properties.staleAfter(), 10_000)
                .filter(n -> n.id().equals(left.id())).blockFirst(PATIENCE);

        if (stale != null) { // else the service's own sweep settled it first, the same way
            delivery.retry(stale).block(PATIENCE);
        }

        assertThat(ledger.find(left.id()).block(PATIENCE)).satisfies(n -> {
            assertThat(n.state()).isEqualTo(Notice.State.FAILED);
            assertThat(n.outcome()).isEqualTo("unknown after restart");
        });
        assertThat(MailIntegrationTest.mailTo(to)).isEmpty();
    }
}
