package gov.appeals.dispatch.queue;

/** Why an appeal is in a unit's queue. */
public enum QueueRole {
    /** 主办: the unit signs for and answers it. */
    LEAD,
    /** 协办: the unit contributes to the lead's answer. */
    CO_HANDLER,
    /** 兜底: the triage unit has to decide who leads. */
    TRIAGE
}
