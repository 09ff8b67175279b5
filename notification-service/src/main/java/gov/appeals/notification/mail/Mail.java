package gov.appeals.notification.mail;

/**
 * One e-mail to one mailbox.
 *
 * @param kind    what it is about; also the notice's topic
 * @param to      the mailbox
 * @param subject the subject line (Chinese)
 * @param body    the plain-text body (Chinese)
 */
public record Mail(MailKind kind, String to, String subject, String body) {

    /** The topic the ledger keeps the notice under. */
    public String topic() {
        return kind.name();
    }

    /** What the ledger shows of it: the kind and the subject, never the body. */
    public String summary() {
        return kind + " " + subject;
    }
}
