package gov.appeals.events;

public enum Urgency {
    /** 紧急: safety, production stopped, wage arrears; hour-based sign-for and contact clocks. */
    URGENT,
    NORMAL
}
