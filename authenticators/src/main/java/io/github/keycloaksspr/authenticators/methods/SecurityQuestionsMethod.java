package io.github.keycloaksspr.authenticators.methods;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.AnswerHasher;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.decoy.StandInAnswers;
import io.github.keycloaksspr.core.decoy.StandInSeed;
import io.github.keycloaksspr.core.flow.MethodTries;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Answers to N of the user's registered questions, asked in an order drawn per account and attempt window. The
 * questions asked are the same in every session of the window (neither a refresh nor a fresh session lets anyone shop
 * for easier ones). Never offered to administrators.
 */
public final class SecurityQuestionsMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodQuestionsInstruction";
    static final String ANSWER_FIELD_PREFIX = "answer-";
    private static final String ASKED_NOTE = "sspr.questions.asked";

    @Override
    public String id() {
        return SsprMethodIds.QUESTIONS;
    }

    @Override
    public Factor factor() {
        return Factor.SECURITY_QUESTIONS;
    }

    @Override
    public boolean allowedForAdmins() {
        return false;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.packCredential(SsprCredentialTypes.SECURITY_QUESTIONS);
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return credential(user).map(c -> c.questionIds().size() >= context.policy().questionsToAnswer()).orElse(false);
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return "";
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        String asked = context.authSession().getAuthNote(ASKED_NOTE);
        if (asked == null) {
            List<String> ids = new ArrayList<>(credential(user).orElseThrow().questionIds());
            // The same questions in every session of the attempt window: a fresh session must not draw others (one
            // could shop for easier ones). Keyed by the realm's secret, so nobody can tell the draw in advance; a
            // stand-in draws the same way, by its own id.
            long window = Time.currentTimeMillis() / context.policy().attempts().window().toMillis();
            StandInSeed draw = StandInSeed.of(context.realm(), "questions:" + user.getId() + ":" + window);
            for (int i = ids.size() - 1; i > 0; i--) {
                Collections.swap(ids, i, draw.below(i + 1));
            }
            asked = String.join("\n", ids.subList(0, context.policy().questionsToAnswer()));
            context.authSession().setAuthNote(ASKED_NOTE, asked);
        }
        return MethodChallenge.questions(INSTRUCTION, Arrays.asList(asked.split("\n")));
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        standIn.registerSecurityQuestions();
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        String asked = context.authSession().getAuthNote(ASKED_NOTE);
        Optional<SecurityQuestionsCredentialModel> credential = credential(user);
        if (asked == null || credential.isEmpty() || MethodTries.of(context).isSpent(id())) {
            return MethodOutcome.spent("ssprErrorQuestionsExhausted", "no_live_questions");
        }
        List<String> questions = Arrays.asList(asked.split("\n"));
        AnswerHasher hasher = StandInAnswers.hasherFor(context.session(), user);
        boolean allRight = true;
        // Check every answer even after a wrong one: the time taken must not tell which answer was wrong.
        for (int i = 0; i < questions.size(); i++) {
            String answer = form.getFirst(ANSWER_FIELD_PREFIX + (i + 1));
            boolean right = answer != null && credential.get().matches(hasher, questions.get(i), answer);
            allRight &= right;
        }
        if (allRight) {
            context.authSession().removeAuthNote(ASKED_NOTE);
            return MethodOutcome.verified();
        }
        return MethodTries.of(context).recordWrongAndCheckSpent(id())
                ? MethodOutcome.spent("ssprErrorQuestionsExhausted", "too_many_wrong_answers")
                : MethodOutcome.wrong("ssprErrorWrongAnswers", "wrong_answers");
    }

    private static Optional<SecurityQuestionsCredentialModel> credential(UserModel user) {
        return SsprCredentials.securityQuestions(user);
    }

    public static final class Factory implements SsprMethodFactory {
        private static final SecurityQuestionsMethod INSTANCE = new SecurityQuestionsMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.QUESTIONS;
        }
    }
}
