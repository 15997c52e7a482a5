package io.github.keycloaksspr.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.github.keycloaksspr.core.keys.SubjectHasher;
import io.github.keycloaksspr.core.testing.InMemorySlots;
import io.github.keycloaksspr.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SendBudgetsTest {

    private static final SendLimits LIMITS = new SendLimits(2, 3, 4, Duration.ofHours(1));

    private final InMemorySlots slots = new InMemorySlots();
    private final SendBudgets budgets = new SendBudgets(new SendBudget(slots, new MutableClock(Instant.parse("2026-03-01T10:00:00Z"))),
            new SubjectHasher(new byte[32]));

    @Test
    void aSendNeedsRoomInEveryBudgetTheRequestersFirst() {
        SendRequest request = new SendRequest("r", "alice", "203.0.113.9", "+4915112345678");

        assertThat(budgets.tryConsume(request, LIMITS)).isEqualTo(SendDecision.ALLOWED);
        assertThat(slots.claimed().keySet()).extracting(key -> key.split(":")[2]).containsExactly("ip", "destination", "user");
    }

    /** Anonymous "Forgot password?" requests spend Alice's reset budgets; her sign-in codes still go out. */
    @Test
    void signInCodesHaveBudgetsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            budgets.tryConsume(new SendRequest("r", "alice", "192.0.2." + i, "+4915112345678"), LIMITS);
        }
        assertThat(budgets.tryConsume(new SendRequest("r", "alice", "192.0.2.9", "+4915112345678"), LIMITS))
                .isEqualTo(SendDecision.DESTINATION_LIMIT_REACHED);

        assertThat(budgets.tryConsume(new SendRequest("r", "alice", "203.0.113.9", "+4915112345678", SendFamily.MFA),
                LIMITS)).isEqualTo(SendDecision.ALLOWED);
    }

    @Test
    void theRealmsPhoneCeilingStopsTextsAcrossUsersButNotSignInCodes() {
        SendLimits phone = LIMITS.withRealmPhoneCeiling(2);
        assertThat(budgets.tryConsume(new SendRequest("r", "a", "192.0.2.1", "+4915112345671"), phone).allowed()).isTrue();
        assertThat(budgets.tryConsume(new SendRequest("r", "b", "192.0.2.2", "+4915112345672"), phone).allowed()).isTrue();

        assertThat(budgets.tryConsume(new SendRequest("r", "c", "192.0.2.3", "+4915112345673"), phone))
                .isEqualTo(SendDecision.REALM_PHONE_LIMIT_REACHED);
        assertThat(budgets.tryConsume(new SendRequest("r", "c", "192.0.2.3", "c@example.org"), LIMITS))
                .as("email goes on").isEqualTo(SendDecision.ALLOWED);
        assertThat(budgets.tryConsume(new SendRequest("r", "d", "192.0.2.4", "+4915112345674", SendFamily.MFA), phone))
                .as("sign-in codes have a ceiling of their own").isEqualTo(SendDecision.ALLOWED);
    }

    @Test
    void theDestinationBudgetProtectsThePhoneOwnerAcrossUsers() {
        assertThat(budgets.tryConsume(new SendRequest("r", "alice", "203.0.113.9", "+4915112345678"), LIMITS).allowed()).isTrue();
        assertThat(budgets.tryConsume(new SendRequest("r", "bob", "198.51.100.7", "+4915112345678"), LIMITS).allowed()).isTrue();

        assertThat(budgets.tryConsume(new SendRequest("r", "carol", "192.0.2.1", "+4915112345678"), LIMITS))
                .isEqualTo(SendDecision.DESTINATION_LIMIT_REACHED);
    }

    @Test
    void theUserBudgetCountsAcrossDestinations() {
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.tryConsume(new SendRequest("r", "alice", "203.0.113.9", "+491511234567" + i), LIMITS).allowed()).isTrue();
        }
        assertThat(budgets.tryConsume(new SendRequest("r", "alice", "203.0.113.9", "+4915112345679"), LIMITS))
                .isEqualTo(SendDecision.USER_LIMIT_REACHED);
    }

    /** A stranger's address spends its budget on made-up names: the victim's units are untouched. */
    @Test
    void theIpBudgetCountsAcrossUsersAndItsRefusalSpendsNothingOfTheVictims() {
        for (int i = 0; i < 4; i++) {
            assertThat(budgets.tryConsume(new SendRequest("r", "user" + i, "203.0.113.9", "dest" + i + "@example.org"), LIMITS).allowed()).isTrue();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(budgets.tryConsume(new SendRequest("r", "victim", "203.0.113.9", "victim@example.org"), LIMITS))
                    .isEqualTo(SendDecision.CLIENT_IP_LIMIT_REACHED);
        }
        // The destination allows 2: both of the victim's own requests from elsewhere get their codes.
        for (int i = 0; i < 2; i++) {
            assertThat(budgets.tryConsume(new SendRequest("r", "victim", "198.51.100.7", "victim@example.org"), LIMITS))
                    .as("the victim's own request from elsewhere").isEqualTo(SendDecision.ALLOWED);
        }
    }

    @Test
    void requestsDoNotPrintPersonalData() {
        assertThat(new SendRequest("r", "alice", "203.0.113.9", "+4915112345678").toString())
                .doesNotContain("203.0.113.9").doesNotContain("4915112345678");
    }
}
