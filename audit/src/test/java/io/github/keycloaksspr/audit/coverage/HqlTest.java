package io.github.keycloaksspr.audit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HqlTest {

    @Test
    void piecesCombineWithTheirParametersInParentheses() {
        Hql inScope = Hql.of("u.realmId = :realm", "realm", "r1");
        Hql capable = Hql.of("u.id in (:ids)", "ids", List.of("a", "b")).with("realm", "r1");

        Hql both = inScope.and(capable.within("not %s"));

        assertThat(both.text()).isEqualTo("(u.realmId = :realm) and (not (u.id in (:ids)))");
        assertThat(both.parameters()).containsOnlyKeys("realm", "ids");
    }

    @Test
    void oneNameBoundToTwoValuesIsRefusedRatherThanOneSilentlyWinning() {
        Hql today = Hql.of("u.id in (:groups)", "groups", List.of("g1"));
        Hql proposal = Hql.of("u.id in (:groups)", "groups", List.of("g2"));

        assertThatThrownBy(() -> today.or(proposal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groups");
    }
}
