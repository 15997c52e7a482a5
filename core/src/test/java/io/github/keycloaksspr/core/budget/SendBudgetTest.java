package io.github.keycloaksspr.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.keys.SubjectHasher;
import io.github.keycloaksspr.core.testing.InMemorySlots;
import io.github.keycloaksspr.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SendBudgetTest {

    private static final SubjectHasher H = new SubjectHasher(new byte[32]);

    private static final Duration HOUR = Duration.ofHours(1);
    private static final BudgetKey ALICE = BudgetKey.perUser(H, "realm-1", "alice-id");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemorySlots slots = new InMemorySlots();
    private final SendBudget budget = new SendBudget(slots, clock);

    @Test
    void allowsTheLimitThenRefusesWithinTheWindow() {
        assertThat(budget.tryConsume(ALICE, 3, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 3, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 3, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 3, HOUR)).isFalse();

        clock.advance(Duration.ofMinutes(59));
        assertThat(budget.tryConsume(ALICE, 3, HOUR)).isFalse();
    }

    /** An administrator raises the limit in the console: the next request gets a code at once, not after the window. */
    @Test
    void aRaisedLimitAppliesAtOnceAndALoweredOneToo() {
        assertThat(budget.tryConsume(ALICE, 2, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 2, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 2, HOUR)).as("spent at 2").isFalse();
        assertThat(budget.isSpent(ALICE, 2, HOUR)).isTrue();

        assertThat(budget.tryConsume(ALICE, 3, HOUR)).as("raised to 3").isTrue();
        assertThat(budget.tryConsume(ALICE, 3, HOUR)).as("3 used").isFalse();
        assertThat(budget.isSpent(ALICE, 5, HOUR)).isFalse();
        assertThat(budget.tryConsume(ALICE, 1, HOUR)).as("lowered to 1").isFalse();
    }

    @Test
    void theNextWindowHasAFreshBudget() {
        budget.tryConsume(ALICE, 1, HOUR);
        assertThat(budget.tryConsume(ALICE, 1, HOUR)).isFalse();

        clock.advance(HOUR);

        assertThat(budget.tryConsume(ALICE, 1, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 1, HOUR)).isFalse();
    }

    @Test
    void aRefusalTakesNoSlotAndLaterRefusalsProbeNothing() {
        budget.tryConsume(ALICE, 2, HOUR);
        budget.tryConsume(ALICE, 2, HOUR);

        assertThat(budget.tryConsume(ALICE, 2, HOUR)).isFalse();
        assertThat(slots.claimed().keySet()).filteredOn(key -> !key.contains(":spent")).hasSize(2);

        CountingSlots counting = new CountingSlots(slots);
        assertThat(new SendBudget(counting, clock).tryConsume(ALICE, 2, HOUR)).isFalse();
        assertThat(counting.claims).isZero();
    }

    @Test
    void keysAreSeparatePerSubjectAndRealm() {
        budget.tryConsume(ALICE, 1, HOUR);

        assertThat(budget.tryConsume(BudgetKey.perUser(H, "realm-1", "bob-id"), 1, HOUR)).isTrue();
        assertThat(budget.tryConsume(BudgetKey.perUser(H, "realm-2", "alice-id"), 1, HOUR)).isTrue();
        assertThat(budget.tryConsume(ALICE, 1, HOUR)).isFalse();
    }

    @Test
    void slotKeysFollowTheDocumentedFormatAndOutliveTheWindow() {
        budget.tryConsume(ALICE, 2, HOUR);
        budget.tryConsume(ALICE, 2, HOUR);

        long window = Instant.parse("2026-03-01T10:00:00Z").getEpochSecond() / 3600;
        budget.tryConsume(ALICE, 2, HOUR);
        assertThat(slots.claimed().keySet()).allMatch(key ->
                key.matches("sspr:budget:user:realm-1:[A-Za-z0-9_-]{22}:w" + window + ":(0|1|spent:2)")).hasSize(3);
        assertThat(slots.claimed().values()).containsOnly(2 * 3600L);
    }

    @Test
    void enforcesSaneLimitsAndWindows() {
        assertThatThrownBy(() -> budget.tryConsume(ALICE, 0, HOUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.tryConsume(ALICE, 101, HOUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.tryConsume(ALICE, 1, Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.tryConsume(ALICE, 1, Duration.ofDays(8))).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class CountingSlots implements ClusterSlots {
        private final ClusterSlots delegate;
        int claims;

        CountingSlots(ClusterSlots delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean claim(String key, long lifespanSeconds) {
            claims++;
            return delegate.claim(key, lifespanSeconds);
        }

        @Override
        public boolean isClaimed(String key) {
            return delegate.isClaimed(key);
        }

        @Override
        public void release(String key) {
            throw new AssertionError("a send is never given back");
        }
    }
}
