package io.github.keycloaksspr.audit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

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

    @Test
    void aStatementIsGivenOnlyTheParametersItNames() {
        Hql query = Hql.of("u.type in (:factor1)", "factor1", List.of("otp")).with("factor10", List.of("x"))
                .with("factor", List.of("y"));
        Map<String, Object> bound = new LinkedHashMap<>();
        Query recorder = (Query) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Query.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setParameter") && args[0] instanceof String name) {
                        bound.put(name, args[1]);
                    }
                    return proxy;
                });

        query.bind(recorder);

        assertThat(bound).containsOnlyKeys("factor1");
    }
}
