package io.github.keycloaksspr.core.registration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.keycloaksspr.core.credential.PredefinedQuestions;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialModel;
import io.github.keycloaksspr.core.policy.ConfigReader;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;

/**
 * The required action's config (admin console: Authentication → Required actions → configure): one immutable,
 * validated value. Absent keys take the defaults; bad values are refused with the key named.
 *
 * @param requireAtSignIn     send users with too few methods to registration at sign-in
 * @param reconfirmDays       days after which a user confirms their methods again; 0 = never
 * @param questionsToRegister how many security questions a user registers (3 to 5)
 * @param graceDays           days from the first prompt during which a user may skip ("Not now"); 0 = no skipping
 * @param predefinedQuestions the pack's questions (message keys) users may pick from
 * @param customQuestions     the admin's own questions, shown as typed (not translated)
 */
public record RegistrationSettings(boolean requireAtSignIn, int reconfirmDays, int questionsToRegister, int graceDays,
                                   List<String> predefinedQuestions, List<String> customQuestions) {

    public static final String REQUIRE_AT_SIGN_IN = "sspr.register.requireAtSignIn";
    public static final String RECONFIRM_DAYS = "sspr.register.reconfirmDays";
    public static final String QUESTIONS_TO_REGISTER = "sspr.register.questionsToRegister";
    public static final String GRACE_DAYS = "sspr.register.graceDays";
    public static final String PREDEFINED_QUESTIONS = "sspr.register.predefinedQuestions";
    public static final String CUSTOM_QUESTIONS = "sspr.register.customQuestions";

    /** Ten years: beyond this "reconfirm" means never, and say so with 0. */
    public static final int MAX_RECONFIRM_DAYS = 3650;
    /** A grace period longer than a quarter is no longer a grace period. */
    public static final int MAX_GRACE_DAYS = 90;
    /** Room for the {@code custom:} prefix within the stored question id. */
    public static final int MAX_CUSTOM_QUESTION_LENGTH = SecurityQuestionsCredentialModel.MAX_QUESTION_ID_LENGTH
            - PredefinedQuestions.CUSTOM_PREFIX.length();

    public static final RegistrationSettings DEFAULTS = new RegistrationSettings(true, 180, 3, 0,
            PredefinedQuestions.KEYS, List.of());

    private static final long SECONDS_PER_DAY = 86_400L;

    public RegistrationSettings {
        require(reconfirmDays >= 0 && reconfirmDays <= MAX_RECONFIRM_DAYS, RECONFIRM_DAYS,
                "must be 0 (never) to " + MAX_RECONFIRM_DAYS);
        require(questionsToRegister >= 3 && questionsToRegister <= 5, QUESTIONS_TO_REGISTER, "must be 3 to 5");
        require(graceDays >= 0 && graceDays <= MAX_GRACE_DAYS, GRACE_DAYS, "must be 0 (no skipping) to "
                + MAX_GRACE_DAYS);
        predefinedQuestions = List.copyOf(predefinedQuestions);
        customQuestions = List.copyOf(customQuestions);
        require(PredefinedQuestions.KEYS.containsAll(predefinedQuestions), PREDEFINED_QUESTIONS,
                "names a question the pack does not have");
        for (String question : customQuestions) {
            require(!question.isBlank() && question.length() <= MAX_CUSTOM_QUESTION_LENGTH
                            && question.chars().noneMatch(Character::isISOControl), CUSTOM_QUESTIONS,
                    "each question must be 1-" + MAX_CUSTOM_QUESTION_LENGTH + " characters on one line");
        }
        require(new LinkedHashSet<>(customQuestions).size() == customQuestions.size(), CUSTOM_QUESTIONS,
                "lists a question twice");
        require(predefinedQuestions.size() + customQuestions.size() >= questionsToRegister, PREDEFINED_QUESTIONS,
                "the pool (predefined and custom) must offer at least " + questionsToRegister + " questions");
    }

    public static RegistrationSettings from(Map<String, String> config) {
        ConfigReader read = new ConfigReader(config);
        return new RegistrationSettings(
                read.bool(REQUIRE_AT_SIGN_IN, DEFAULTS.requireAtSignIn),
                read.integer(RECONFIRM_DAYS, DEFAULTS.reconfirmDays),
                read.integer(QUESTIONS_TO_REGISTER, DEFAULTS.questionsToRegister),
                read.integer(GRACE_DAYS, DEFAULTS.graceDays),
                read.list(PREDEFINED_QUESTIONS, DEFAULTS.predefinedQuestions),
                read.list(CUSTOM_QUESTIONS, List.of()));
    }

    /**
     * The settings saved for the realm's security-info action, or the defaults when none are saved or they are
     * unusable (the action itself refuses to run then and says why).
     */
    public static RegistrationSettings forRealm(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(RegistrationEvents.ACTION_ID);
        try {
            return from(config == null ? null : config.getConfig());
        } catch (InvalidPolicyException e) {
            return DEFAULTS;
        }
    }

    /** The question ids a user may pick: predefined keys first, then {@code custom:<text>}. */
    public List<String> questionPool() {
        List<String> pool = new ArrayList<>(predefinedQuestions);
        customQuestions.forEach(q -> pool.add(PredefinedQuestions.customId(q)));
        return pool;
    }

    public Set<String> questionPoolIds() {
        return new LinkedHashSet<>(questionPool());
    }

    /**
     * Whether a user who last confirmed at {@code confirmedAt} (epoch seconds, null = never) must confirm again at
     * {@code now} (epoch seconds).
     */
    public boolean reconfirmationDue(Long confirmedAt, long now) {
        if (reconfirmDays == 0) {
            return false;
        }
        return confirmedAt == null || now - confirmedAt > reconfirmDays * SECONDS_PER_DAY;
    }

    /** Whether a user first prompted at {@code promptedAt} (epoch seconds, null = not yet) may still skip at {@code now}. */
    public boolean maySkip(Long promptedAt, long now) {
        if (graceDays == 0) {
            return false;
        }
        return promptedAt == null || now - promptedAt < graceDays * SECONDS_PER_DAY;
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new InvalidPolicyException(key, problem);
        }
    }
}
