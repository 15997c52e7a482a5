package io.github.keycloaksspr.core.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.keycloaksspr.core.keys.SubjectHasher;
import io.github.keycloaksspr.core.policy.AttemptLimits;
import io.github.keycloaksspr.core.testing.InMemorySlots;
import io.github.keycloaksspr.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class AttemptLedgerTest {

    private static final LedgerSubject ALICE = LedgerSubject.account("alice-id");
    private static final String IP = "203.0.113.9";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemorySlots slots = new InMemorySlots(clock);
    private final AttemptLedger ledger = new AttemptLedger(slots, clock, new SubjectHasher(new byte[32]), "realm-1",
            new AttemptLimits(5, 8, Duration.ofHours(24)));

    @Test
    void theFifthWrongAnswerBlocksTheAccountAndNoLaterAnswerIsChecked() {
        for (int i = 1; i <= 4; i++) {
            assertThat(ledger.reserve(ALICE, IP).orElseThrow().failed()).as("wrong answer %d", i).isFalse();
        }
        assertThat(ledger.reserve(ALICE, IP).orElseThrow().failed()).as("the fifth").isTrue();

        assertThat(ledger.isBlocked(ALICE, IP)).isTrue();
        assertThat(ledger.reserve(ALICE, IP)).as("a right answer is not even checked now").isEmpty();
        assertThat(ledger.reserve(ALICE, "198.51.100.7")).as("from anywhere").isEmpty();
    }

    @Test
    void rightAnswersGiveTheirSlotsBack() {
        for (int i = 0; i < 20; i++) {
            ledger.reserve(ALICE, IP).orElseThrow().succeeded();
        }
        assertThat(ledger.isBlocked(ALICE, IP)).isFalse();
        assertThat(slots.claimed()).isEmpty();
    }

    /** Requests that arrive together each hold a slot while their answer is checked: none can share one. */
    @Test
    void answersInFlightTogetherNeverExceedTheLimit() {
        List<AttemptLedger.Attempt> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ledger.reserve(ALICE, IP).ifPresent(inFlight::add);
        }
        assertThat(inFlight).hasSize(5);
        inFlight.forEach(AttemptLedger.Attempt::failed);
        assertThat(ledger.isBlocked(ALICE, IP)).isTrue();
    }

    @Test
    void aTypedNameHasItsOwnLedgerWhateverItsCase() {
        LedgerSubject typed = LedgerSubject.typedName(" Nobody ");
        for (int i = 0; i < 5; i++) {
            ledger.reserve(typed, IP).orElseThrow().failed();
        }
        assertThat(ledger.isBlocked(LedgerSubject.typedName("nobody"), "198.51.100.7")).isTrue();
        assertThat(ledger.isBlocked(ALICE, "198.51.100.7")).isFalse();
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsBlockedToo() {
        for (int i = 0; i < 8; i++) {
            ledger.reserve(LedgerSubject.typedName("user" + i), IP).orElseThrow().failed();
        }
        assertThat(ledger.reserve(ALICE, IP)).isEmpty();
        assertThat(ledger.isBlocked(ALICE, "198.51.100.7")).as("Alice elsewhere is not blocked").isFalse();
        assertThat(slots.claimed().keySet()).as("a refused attempt takes nothing of Alice's")
                .noneMatch(key -> key.contains(":attempt-account:") && key.endsWith(":4"));
    }

    /** Windows are fixed, a block is not: five wrong answers just before midnight block until just before the next. */
    @Test
    void aBlockLastsAWholeWindowWhenItBegins() {
        clock.advance(Duration.ofHours(14).minusMinutes(1)); // 23:59 UTC
        for (int i = 0; i < 5; i++) {
            ledger.reserve(ALICE, IP).orElseThrow().failed();
        }
        clock.advance(Duration.ofMinutes(2)); // a new window

        assertThat(ledger.isBlocked(ALICE, IP)).isTrue();
        assertThat(ledger.reserve(ALICE, IP)).isEmpty();
        clock.advance(Duration.ofHours(24));
        assertThat(ledger.isBlocked(ALICE, IP)).isFalse();
    }

    /** A user signed in with the password proves a method from wherever they are: an address block is not theirs. */
    @Test
    void answersOfASignedInUserIgnoreTheAddressButCountForTheAccount() {
        for (int i = 0; i < 8; i++) {
            ledger.reserve(LedgerSubject.typedName("user" + i), IP).orElseThrow().failed();
        }
        assertThat(ledger.reserve(ALICE, IP)).as("the address is blocked").isEmpty();

        for (int i = 0; i < 4; i++) {
            assertThat(ledger.reserve(ALICE).orElseThrow().failed()).isFalse();
        }
        assertThat(ledger.reserve(ALICE).orElseThrow().failed()).isTrue();
        assertThat(ledger.reserve(ALICE)).isEmpty();
    }

    @Test
    void theBlockEndsWithTheWindow() {
        for (int i = 0; i < 5; i++) {
            ledger.reserve(ALICE, IP).orElseThrow().failed();
        }
        clock.advance(Duration.ofHours(24));

        assertThat(ledger.isBlocked(ALICE, IP)).isFalse();
        assertThat(ledger.reserve(ALICE, IP)).isPresent();
    }

    @Test
    void anAdministratorLiftsTheBlock() {
        for (int i = 0; i < 5; i++) {
            ledger.reserve(ALICE, IP).orElseThrow().failed();
        }
        assertThat(ledger.unblock(ALICE)).isTrue();

        assertThat(ledger.isBlocked(ALICE, IP)).isFalse();
        assertThat(ledger.reserve(ALICE, IP)).isPresent();
        assertThat(ledger.unblock(LedgerSubject.account("bob-id"))).isFalse();
    }

    @Test
    void theCacheHoldsNoUserIdNameOrAddress() {
        ledger.reserve(LedgerSubject.typedName("maria@example.org"), IP).orElseThrow().failed();

        assertThat(String.join(" ", slots.claimed().keySet())).doesNotContain("maria").doesNotContain("example")
                .doesNotContain("203.0");
    }

    @Test
    void subjectsSurviveTheRoundTripThroughTheFlowsNotes() {
        assertThat(LedgerSubject.parse(ALICE.note())).isEqualTo(ALICE);
        assertThat(LedgerSubject.parse(LedgerSubject.typedName("a:b").note())).isEqualTo(LedgerSubject.typedName("a:b"));
        assertThat(Optional.of(LedgerSubject.typedName("X").value())).contains("x");
    }
}
