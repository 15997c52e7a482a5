package io.github.keycloaksspr.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.keycloaksspr.core.keys.SubjectHasher;
import org.junit.jupiter.api.Test;

class BudgetKeyTest {

    private static final SubjectHasher H = new SubjectHasher(new byte[32]);

    @Test
    void slotKeysHoldNoPhoneNumberEmailOrAddress() {
        assertThat(BudgetKey.perDestination(H, "realm-1", "+4915112345678").slotKey(7, 0))
                .startsWith("sspr:budget:destination:realm-1:")
                .endsWith(":w7:0")
                .doesNotContain("4915112345678").doesNotContain("12345678");
        assertThat(BudgetKey.perDestination(H, "realm-1", "jane@example.org").slotKey(7, 0)).doesNotContain("jane").doesNotContain("example");
        assertThat(BudgetKey.perClientIp(H, "realm-1", "203.0.113.9").slotKey(7, 0)).doesNotContain("203.0").doesNotContain("113");
        assertThat(BudgetKey.perUser(H, "realm-1", "alice").toString()).doesNotContain("alice").doesNotContain(BudgetKey.perUser(H, "realm-1", "alice").subjectHash());
    }

    /** A plain hash of a phone number is reversed by hashing every number; without the realm's key it is not. */
    @Test
    void subjectsAreNamedWithTheRealmsKey() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        SubjectHasher other = new SubjectHasher(otherKey);

        assertThat(BudgetKey.perDestination(H, "r", "+4915112345678").subjectHash())
                .isNotEqualTo(BudgetKey.perDestination(other, "r", "+4915112345678").subjectHash());
    }

    @Test
    void destinationsCountCaseInsensitively() {
        assertThat(BudgetKey.perDestination(H, "r", " Jane@Example.org ")).isEqualTo(BudgetKey.perDestination(H, "r", "jane@example.org"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(BudgetKey.perClientIp(H, "r", "2001:db8:1:2:aaaa::1"))
                .isEqualTo(BudgetKey.perClientIp(H, "r", "2001:0db8:0001:0002:ffff:1:2:3"))
                .isNotEqualTo(BudgetKey.perClientIp(H, "r", "2001:db8:1:3::1"));
        assertThat(BudgetKey.perClientIp(H, "r", "::ffff:203.0.113.9")).isEqualTo(BudgetKey.perClientIp(H, "r", "203.0.113.9"));
        assertThat(BudgetKey.perClientIp(H, "r", "203.0.113.9")).isNotEqualTo(BudgetKey.perClientIp(H, "r", "203.0.113.10"));
    }

    @Test
    void aMissingClientAddressSharesOneBudget() {
        assertThat(BudgetKey.perClientIp(H, "r", null)).isEqualTo(BudgetKey.perClientIp(H, "r", " "));
    }

    @Test
    void theSameSubjectInAnotherScopeOrRealmIsAnotherKey() {
        assertThat(BudgetKey.perUser(H, "r", "x").subjectHash()).isNotEqualTo(BudgetKey.perDestination(H, "r", "x").subjectHash());
        assertThat(BudgetKey.perUser(H, "r", "x")).isNotEqualTo(BudgetKey.perUser(H, "s", "x"));
    }

    @Test
    void refusesUnhashedSubjectsAndBadScopes() {
        assertThatThrownBy(() -> new BudgetKey("destination", "r", "+4915112345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetKey.of(H, "Bad Scope", "r", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetKey.perUser(H, "r", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BudgetKey.perUser(H, null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
