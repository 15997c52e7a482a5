package io.github.keycloaksspr.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BudgetKeyTest {

    @Test
    void slotKeysHoldNoPhoneNumberEmailOrAddress() {
        assertThat(BudgetKey.perDestination("realm-1", "+4915112345678").slotKey(7, 0))
                .startsWith("sspr:budget:destination:realm-1:")
                .endsWith(":w7:0")
                .doesNotContain("4915112345678").doesNotContain("12345678");
        assertThat(BudgetKey.perDestination("realm-1", "jane@example.org").slotKey(7, 0)).doesNotContain("jane").doesNotContain("example");
        assertThat(BudgetKey.perClientIp("realm-1", "203.0.113.9").slotKey(7, 0)).doesNotContain("203.0").doesNotContain("113");
        assertThat(BudgetKey.perUser("realm-1", "alice").toString()).doesNotContain("alice").doesNotContain(BudgetKey.perUser("realm-1", "alice").subjectHash());
    }

    @Test
    void destinationsCountCaseInsensitively() {
        assertThat(BudgetKey.perDestination("r", " Jane@Example.org ")).isEqualTo(BudgetKey.perDestination("r", "jane@example.org"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(BudgetKey.perClientIp("r", "2001:db8:1:2:aaaa::1"))
                .isEqualTo(BudgetKey.perClientIp("r", "2001:0db8:0001:0002:ffff:1:2:3"))
                .isNotEqualTo(BudgetKey.perClientIp("r", "2001:db8:1:3::1"));
        assertThat(BudgetKey.perClientIp("r", "::ffff:203.0.113.9")).isEqualTo(BudgetKey.perClientIp("r", "203.0.113.9"));
        assertThat(BudgetKey.perClientIp("r", "203.0.113.9")).isNotEqualTo(BudgetKey.perClientIp("r", "203.0.113.10"));
    }

    @Test
    void aMissingClientAddressSharesOneBudget() {
        assertThat(BudgetKey.perClientIp("r", null)).isEqualTo(BudgetKey.perClientIp("r", " "));
    }

    @Test
    void theSameSubjectInAnotherScopeOrRealmIsAnotherKey() {
        assertThat(BudgetKey.perUser("r", "x").subjectHash()).isNotEqualTo(BudgetKey.perDestination("r", "x").subjectHash());
        assertThat(BudgetKey.perUser("r", "x")).isNotEqualTo(BudgetKey.perUser("s", "x"));
    }

    @Test
    void refusesUnhashedSubjectsAndBadScopes() {
        assertThatThrownBy(() -> new BudgetKey("destination", "r", "+4915112345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetKey.of("Bad Scope", "r", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetKey.perUser("r", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetKey.perUser(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
