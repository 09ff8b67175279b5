package gov.appeals.notification.mail.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import gov.appeals.notification.mail.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands one mail to the SMTP server. {@link JavaMailSender} blocks, so it runs on the bounded elastic scheduler and
 * is waited for at most {@code appeals.mail.timeout}. Every mail carries a Message-ID derived from its notice id
 * ({@code <sha256(notice id)@appeals>}): the same notice always has the same Message-ID, so a mail that did reach a
 * mailbox twice (it never should) can be told a duplicate by the receiver.
 */
@Component
public class SmtpMailer {

    private final JavaMailSender sender;
    private final MailProperties properties;

    public SmtpMailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    public Mono<Void> send(String noticeId, Mail mail) {
        return Mono.fromRunnable(() -> sender.send(message(noticeId, mail)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.timeout())
                .then();
    }

    public static String messageId(String noticeId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(noticeId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash) + "@appeals>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the server refused this mail for good (a malformed message, every recipient rejected), as opposed to a
     * failure that may pass (server down, slow, busy, 4xx, authentication while being fixed).
     */
    public static boolean refusedForGood(Throwable failure) {
        if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
            return true;
        }
        if (failure instanceof MailSendException send && !(failure instanceof MailAuthenticationException)) {
            for (Exception cause : send.getMessageExceptions()) {
                if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0
                        && (refused.getValidSentAddresses() == null || refused.getValidSentAddresses().length == 0)
                        && (refused.getValidUnsentAddresses() == null
                        || refused.getValidUnsentAddresses().length == 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private MimeMessage message(String noticeId, Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            message.setHeader("Message-ID", messageId(noticeId));
            message.setHeader("X-Appeals-Notice", mail.kind().name());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }
}
