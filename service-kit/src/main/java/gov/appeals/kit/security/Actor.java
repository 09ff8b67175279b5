package gov.appeals.kit.security;

import java.util.Set;

/**
 * Who sent a request, as the services act on it: a person logged in at the identity provider (from the access
 * token's {@code sub}, {@code name}, {@code department} and {@code roles}), or a source system that signed the
 * request with one of its keys (role {@link Roles#SOURCE}, {@code source} naming the system).
 *
 * @param id         the user name, or the key id of a signed request
 * @param name       a display name for timelines (never a personal phone or contact)
 * @param department the unit the person works for; null for district-wide roles and for sources
 * @param roles      {@link Roles} names
 * @param source     the system a signed request came from; null for people
 */
public record Actor(String id, String name, String department, Set<String> roles, String source) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor person(String id, String name, String department, Set<String> roles) {
        return new Actor(id, name == null || name.isBlank() ? id : name, department, roles, null);
    }

    public static Actor source(String keyId, String source) {
        return new Actor(keyId, source, null, Set.of(Roles.SOURCE), source);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isSource() {
        return source != null;
    }

    /** A clerk or head acting for {@code unit}. */
    public boolean worksFor(String unit) {
        return department != null && department.equals(unit) && (has(Roles.CLERK) || has(Roles.HEAD));
    }

    /** May read any appeal: the district's supervisors and the triage desk. */
    public boolean readsEverything() {
        return has(Roles.SUPERVISOR) || has(Roles.TRIAGER);
    }
}
