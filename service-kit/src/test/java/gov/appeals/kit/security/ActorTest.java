package gov.appeals.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a token or a signature makes the sender, and what that lets them touch. */
class ActorTest {

    @Test
    void aTokenMakesAPersonWithTheKnownRolesItCarriesAndNeverASourceSystem() {
        Actor actor = KitSecurityConfiguration.actorOf(token("head-JD-SWJ", "JD-SWJ",
                List.of("CLERK", "HEAD", "SOURCE", "ADMIN")));

        assertThat(actor.id()).isEqualTo("head-JD-SWJ");
        assertThat(actor.roles()).containsExactlyInAnyOrder(Roles.CLERK, Roles.HEAD);
        assertThat(actor.isSource()).isFalse();
        assertThat(actor.worksFor("JD-SWJ")).isTrue();
        assertThat(actor.worksFor("JD-CZ")).isFalse();
        assertThat(actor.readsEverything()).isFalse();
    }

    @Test
    void aDepartmentWithoutAStaffRoleWorksForNothingAndATriagerReadsEverything() {
        Actor triager = KitSecurityConfiguration.actorOf(token("triager", "JD-JW", List.of("TRIAGER")));

        assertThat(triager.worksFor("JD-JW")).isFalse();
        assertThat(triager.readsEverything()).isTrue();
        assertThat(KitSecurityConfiguration.actorOf(token("nobody", null, null)).roles()).isEmpty();
    }

    @Test
    void aSignedRequestMakesASourceSystemThatWorksForNoDepartment() {
        Actor hotline = Actor.source("hotline-demo", "HOTLINE_12345");

        assertThat(hotline.roles()).isEqualTo(Set.of(Roles.SOURCE));
        assertThat(hotline.isSource()).isTrue();
        assertThat(hotline.worksFor("JD-SWJ")).isFalse();
        assertThat(hotline.readsEverything()).isFalse();
    }

    private static Jwt token(String subject, String department, List<String> roles) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (department != null) {
            token.claim("department", department);
        }
        if (roles != null) {
            token.claim("roles", roles);
        }
        return token.build();
    }
}
