package gov.appeals.identity;

import java.util.List;
import java.util.Optional;

/**
 * One demo user of the local issuer and what its tokens say about it.
 *
 * @param username   the login name, also the tokens' {@code sub}
 * @param department the unit code the user works for ({@code department} claim); null for district-wide roles
 * @param roles      the {@code roles} claim, e.g. {@code CLERK}, {@code HEAD}, {@code TRIAGER}
 * @param name       the display name ({@code name} claim)
 */
public record DemoUser(String username, String department, List<String> roles, String name) {

    public DemoUser {
        roles = List.copyOf(roles);
    }

    public Optional<String> departmentCode() {
        return Optional.ofNullable(department);
    }
}
