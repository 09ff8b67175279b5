package gov.appeals.events;

/** The clocks of an appeal that can be due soon (临期) or overdue (超期). */
public enum ClockKind { SIGN_FOR, FIRST_CONTACT, ANSWER }
