package io.github.keycloaksspr.core.proof;

import java.util.List;

import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodPages;

/** What the user sees next; the reset and the security-info page each render it in their own frame. */
public sealed interface ProofStep {

    /**
     * The method list.
     *
     * @param step     the number of the proof being made (1 of 2...)
     * @param of       the total shown
     * @param errorKey  a message key, or null
     * @param errorArgs the message's arguments
     */
    record ChooseMethod(List<MethodPages.MethodChoice> choices, int step, int of, String errorKey,
                        List<String> errorArgs) implements ProofStep {

        public ChooseMethod {
            choices = List.copyOf(choices);
            errorArgs = List.copyOf(errorArgs);
        }
    }

    /**
     * A method's answer page.
     *
     * @param errorKey    a message key shown at the answer field, or null
     * @param wrongAnswer whether the page follows a wrong answer (Keycloak's brute-force detection may count it)
     */
    record AnswerMethod(String methodId, MethodChallenge challenge, int step, int of, String errorKey,
                        boolean wrongAnswer) implements ProofStep {
    }

    /** As many factors as required are proven. */
    record Proven() implements ProofStep {
    }

    /** The attempt ledger blocks the proof: nothing is checked or sent. */
    record Blocked() implements ProofStep {
    }

    /** No method is left to try. */
    record NothingLeft() implements ProofStep {
    }
}
