package gov.appeals.events;

/** Where an appeal came in. Only {@link #HOTLINE_12345} appeals get status callbacks to the 12345 system. */
public enum Source {
    /** The 12345 government service hotline (a machine integration). */
    HOTLINE_12345,
    /** The online enterprise-service portal (企业服务云). */
    ONLINE_PORTAL,
    /** A service commissioner's visit (服务专员). */
    SERVICE_COMMISSIONER,
    /** An offline street/town enterprise service centre. */
    STREET_CENTRE
}
