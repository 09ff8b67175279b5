package gov.appeals.notification.mail;

/**
 * The kinds of e-mail staff and supervisors get; each can be switched off ({@code appeals.mail.topics}), and each is
 * the notice's topic in the ledger.
 */
public enum MailKind {
    /** 新分派诉求: an appeal assigned to the department as lead (主办). */
    ASSIGNED,
    /** 协办: an appeal the department co-handles. */
    CO_HANDLING,
    /** 临期提醒: a clock of the lead's appeal runs out soon. */
    DUE_SOON,
    /** 超期: a clock ran out (to the lead and the supervisors). */
    OVERDUE,
    /** 督办单: a supervision order (to the department it names and the supervisors). */
    SUPERVISION,
    /** 延期审批结果: the supervisors' decision on an extension the department asked for. */
    EXTENSION,
    /** 每日超期汇总: a department's overdue appeals, once a day. */
    DIGEST
}
