package dev.charter.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void parsesBearerChallenges() {
        Challenge c = Challenge.parse("Bearer realm=\"https://auth.example/token\",service=\"registry\",scope=\"repository:a/b:pull,push repository:c:pull\"");
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.parameter("realm")).isEqualTo("https://auth.example/token");
        assertThat(c.parameter("scope")).isEqualTo("repository:a/b:pull,push repository:c:pull");
        assertThat(Challenge.parse("Basic realm=\"x\"").scheme()).isEqualTo("basic");
    }

    @Test
    void cleansScopesLikeOras() {
        assertThat(Scopes.clean(List.of("repository:b:push", "repository:a:pull", "repository:b:pull", "repository:c:*,pull")))
                .containsExactly("repository:a:pull", "repository:b:pull,push", "repository:c:*");
    }
}
