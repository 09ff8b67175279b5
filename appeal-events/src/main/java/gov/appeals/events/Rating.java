package gov.appeals.events;

/** The enterprise's callback rating (回访). */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

    /** Satisfied or basically satisfied closes the appeal; dissatisfied reopens it. */
    public boolean closesAppeal() {
        return this != DISSATISFIED;
    }
}
