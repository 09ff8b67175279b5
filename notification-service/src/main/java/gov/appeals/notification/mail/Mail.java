package gov.appeals.notification.mail;

/**
 * One e-mail to one mailbox.
 *
 * @param kind    what it is about; also the notice's topic
 * @param unit    whom it is for: the department's code, or {@link #SUPERVISORS}; whose preference decides
 * @param to      the mailbox
 * @param subject the subject line (Chinese)
 * @param body    the plain-text body (Chinese)
 */
public record Mail(MailKind kind, String unit, String to, String subject, String body) {

    /** The {@link #unit} of mail to the supervisors' mailbox. */
    public static final String SUPERVISORS = "SUPERVISORS";

    /** The topic the ledger keeps the notice under. */
    public String topic() {
        return kind.name();
    }

    /** What the ledger shows of it: the kind and the subject, never the body. */
    public String summary() {
        return kind + " " + subject;
    }
}
