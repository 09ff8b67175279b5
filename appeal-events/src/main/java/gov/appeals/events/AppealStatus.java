package gov.appeals.events;

/** The stages of DESIGN.md §1 as the status API shows them. */
public enum AppealStatus {
    RECEIVED, ACCEPTED, REJECTED, TRIAGE, ASSIGNED, SIGNED, RESPONDED, REOPENED, CLOSED,
    /** The lead returned it (退单); the re-routing that follows at once moves it on. */
    RETURNED
}
