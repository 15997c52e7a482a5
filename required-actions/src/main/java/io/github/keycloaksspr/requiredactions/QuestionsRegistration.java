package io.github.keycloaksspr.requiredactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.PredefinedQuestions;
import io.github.keycloaksspr.core.credential.SecurityAnswer;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialModel;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialProviderFactory;
import io.github.keycloaksspr.core.delivery.ThemeMessages;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;

/**
 * Security questions: the user picks as many distinct questions from the admin's pool as the settings ask for and
 * answers each; the set is stored hashed and replaces any earlier set. Typed answers are never echoed back.
 */
final class QuestionsRegistration {

    private QuestionsRegistration() {
    }

    static boolean available(RegistrationStep step) {
        return step.methods().policy().methods().contains(SsprMethodIds.QUESTIONS);
    }

    static void showForm(RegistrationStep step) {
        if (!available(step)) {
            step.page().error(null, "ssprRegisterQuestionsUnavailable").show();
            return;
        }
        ContactRegistration.clearPending(step);
        step.page().questionsForm(List.of()).show();
    }

    static void save(RegistrationStep step, MultivaluedMap<String, String> form) {
        if (!available(step)) {
            step.page().error(null, "ssprRegisterQuestionsUnavailable").show();
            return;
        }
        int rows = step.settings().questionsToRegister();
        List<String> questions = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            questions.add(form.getFirst(QuestionAnswers.field("question", i)));
            String answer = form.getFirst(QuestionAnswers.field("answer", i));
            answers.add(answer == null ? "" : answer);
        }
        Optional<QuestionAnswers.Problem> problem = QuestionAnswers.check(questions, answers,
                step.settings().questionPoolIds(), id -> questionText(step, id));
        if (problem.isPresent()) {
            step.event(EventType.UPDATE_CREDENTIAL)
                    .detail(Details.CREDENTIAL_TYPE, SecurityQuestionsCredentialModel.TYPE)
                    .detail(SsprEvents.REASON, problem.get().reason()).error(RegistrationEvents.QUESTIONS_REFUSED);
            step.page().questionsForm(questions).error(problem.get().field(), problem.get().messageKey()).show();
            return;
        }
        List<SecurityAnswer> set = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            set.add(new SecurityAnswer(questions.get(i), answers.get(i)));
        }
        SecurityQuestionsCredentialModel credential = SecurityQuestionsCredentialModel
                .createFor(step.context().getSession(), set);
        step.rememberContacts();
        questionsProvider(step).createCredential(step.context().getRealm(), step.user(), credential);
        step.announce(SecurityInfoNotices.ADDED, SecurityQuestionsCredentialModel.TYPE);
        step.event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, SecurityQuestionsCredentialModel.TYPE).success();
        step.page().success("ssprRegisterQuestionsSaved").show();
    }

    @SuppressWarnings("unchecked")
    private static CredentialProvider<SecurityQuestionsCredentialModel> questionsProvider(RegistrationStep step) {
        return step.context().getSession().getProvider(CredentialProvider.class,
                SecurityQuestionsCredentialProviderFactory.PROVIDER_ID);
    }

    private static String questionText(RegistrationStep step, String questionId) {
        return PredefinedQuestions.isCustom(questionId)
                ? questionId.substring(PredefinedQuestions.CUSTOM_PREFIX.length())
                : ThemeMessages.format(step.methods(), questionId);
    }
}
