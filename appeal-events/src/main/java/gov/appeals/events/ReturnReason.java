package gov.appeals.events;

/** Why a lead returned (退单) an appeal. */
public enum ReturnReason {
    /** 不属本单位职责: the appeal is outside the department's remit. */
    NOT_OUR_REMIT,
    /** 属地错误: the enterprise is in another street/town. */
    WRONG_STREET,
    /** 需其他部门办理: another department has to act. */
    NEEDS_OTHER_DEPARTMENT,
    /** 重复诉求: the same problem is already being handled. */
    DUPLICATE,
    /** 超出街镇能力: a street/town escalates what it cannot solve to the district. */
    BEYOND_STREET_CAPACITY,
    /** 其他: the text says why. */
    OTHER
}
