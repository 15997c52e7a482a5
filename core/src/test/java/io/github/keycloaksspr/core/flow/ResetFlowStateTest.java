package io.github.keycloaksspr.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class ResetFlowStateTest {

    private final Map<String, String> notes = new HashMap<>();
    private final ResetFlowState state = new ResetFlowState(authSessionWith(notes));

    @Test
    void aProofCountsOnlyForTheUserItWasMadeFor() {
        state.startFor("alice-id");
        state.recordVerified("alice-id", "sspr-sms", Factor.MOBILE_PHONE);

        assertThat(state.verifiedFactors("alice-id")).containsExactly("mobile-phone");
        assertThat(state.verifiedFactors("mallory-id")).isEmpty();
        assertThatThrownBy(() -> state.recordVerified("mallory-id", "sspr-email", Factor.ALTERNATE_EMAIL))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namingAnotherAccountForgetsEveryEarlierProof() {
        state.startFor("alice-id");
        state.recordVerified("alice-id", "sspr-sms", Factor.MOBILE_PHONE);
        state.markSpent("sspr-email");

        state.startFor("bob-id");

        assertThat(state.verifiedFactors("bob-id")).isEmpty();
        assertThat(state.verifiedFactors("alice-id")).as("Alice's proof is gone from this tab").isEmpty();
        assertThat(state.spentMethods()).isEmpty();
    }

    @Test
    void aDecoyRunHasNoSubjectSoNothingCanCount() {
        state.startFor("alice-id");
        state.recordVerified("alice-id", "sspr-sms", Factor.MOBILE_PHONE);

        state.startDecoy("user_not_found", "No-Such-User");

        assertThat(state.isDecoy()).isTrue();
        assertThat(state.decoyReason()).isEqualTo("user_not_found");
        assertThat(state.isFor("alice-id")).isFalse();
        assertThat(state.verifiedFactors("alice-id")).isEmpty();
        assertThat(state.ledgerSubject()).contains(LedgerSubject.typedName("no-such-user"));
    }

    @Test
    void aRealRunCountsWrongAnswersAgainstTheAccountAndEachStartIsANewRun() {
        state.startFor("alice-id");
        String first = state.runId();
        assertThat(state.ledgerSubject()).contains(LedgerSubject.account("alice-id"));

        state.startFor("alice-id");

        assertThat(state.runId()).isNotEqualTo(first).hasSize(16);
    }

    @Test
    void theSameFactorProvenTwiceCountsOnce() {
        state.startFor("alice-id");
        state.recordVerified("alice-id", "sspr-sms", Factor.MOBILE_PHONE);
        state.recordVerified("alice-id", "sspr-voice", Factor.MOBILE_PHONE);

        assertThat(state.verifiedFactors("alice-id")).hasSize(1);
        assertThat(state.verifiedMethods("alice-id")).containsExactly("sspr-sms", "sspr-voice");
    }

    /** The three note methods are all ResetFlowState uses; anything else would be a surprise worth failing on. */
    private static AuthenticationSessionModel authSessionWith(Map<String, String> notes) {
        return Proxies.of(AuthenticationSessionModel.class, Map.of(
                "getAuthNote", args -> notes.get((String) args[0]),
                "setAuthNote", args -> notes.put((String) args[0], (String) args[1]),
                "removeAuthNote", args -> notes.remove((String) args[0])));
    }
}
