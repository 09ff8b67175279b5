package gov.appeals.kit.security;

/**
 * The role names of the platform's authorization matrix ({@code docs/security.md}), as the access token's
 * {@code roles} claim carries them; Spring Security sees each as the authority {@code ROLE_<name>}.
 */
public final class Roles {

    /** Works a department's queue: sign for, answer. */
    public static final String CLERK = "CLERK";
    /** A department's head: as a clerk, plus extension requests. Tokens carry both CLERK and HEAD. */
    public static final String HEAD = "HEAD";
    /** The district's triage desk: decides who leads what no routing rule covers; reads any appeal. */
    public static final String TRIAGER = "TRIAGER";
    /** Reads everything, metrics, supervision orders, routing rules. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Dead letters and other operations endpoints. */
    public static final String OPERATOR = "OPERATOR";
    /** A source system (12345, the portal …) authenticated by a signed request, never by a token. */
    public static final String SOURCE = "SOURCE";

    private Roles() {
    }
}
