package gov.appeals.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;

/**
 * The local run's demo users, built from the reference data (no Spring here): for every unit (departments and
 * streets/towns) a clerk {@code clerk-<code>} and a head {@code head-<code>}, plus {@code triager} (the triage unit),
 * {@code supervisor} and {@code operator} (district-wide, no department). Both the login (the user details) and the
 * token claims come from here, so they cannot disagree.
 */
public final class DemoUsers {

    public static final String CLERK = "CLERK";
    public static final String HEAD = "HEAD";
    public static final String TRIAGER = "TRIAGER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String OPERATOR = "OPERATOR";

    private final Map<String, DemoUser> byUsername;

    private DemoUsers(Map<String, DemoUser> byUsername) {
        this.byUsername = byUsername;
    }

    public static DemoUsers from(ReferenceData reference) {
        Map<String, DemoUser> users = new LinkedHashMap<>();
        for (Department unit : reference.units()) {
            add(users, new DemoUser("clerk-" + unit.code(), unit.code(), List.of(CLERK), unit.name() + " 科员"));
            add(users, new DemoUser("head-" + unit.code(), unit.code(), List.of(CLERK, HEAD), unit.name() + " 科长"));
        }
        Department triage = reference.triageUnit();
        add(users, new DemoUser("triager", triage.code(), List.of(TRIAGER), triage.name() + " 分派员"));
        add(users, new DemoUser("supervisor", null, List.of(SUPERVISOR), "区督办"));
        add(users, new DemoUser("operator", null, List.of(OPERATOR), "运维"));
        return new DemoUsers(java.util.Collections.unmodifiableMap(users));
    }

    private static void add(Map<String, DemoUser> users, DemoUser user) {
        if (users.putIfAbsent(user.username(), user) != null) {
            throw new IllegalStateException("Two demo users named " + user.username());
        }
    }

    public Optional<DemoUser> find(String username) {
        return Optional.ofNullable(username == null ? null : byUsername.get(username));
    }

    public Collection<DemoUser> all() {
        return byUsername.values();
    }

    public List<String> usernames() {
        return new ArrayList<>(byUsername.keySet());
    }
}
