package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsprPolicyTest {

    @Test
    void anExecutionWithoutConfigGetsEntrasRecommendedDefaults() {
        SsprPolicy policy = SsprPolicy.from(null);

        assertThat(policy).isEqualTo(SsprPolicy.DEFAULTS);
        assertThat(policy.scope()).isEqualTo(SsprScope.ALL);
        assertThat(policy.methodsRequired()).isEqualTo(2);
        assertThat(policy.codeLength()).isEqualTo(6);
        assertThat(policy.codeLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.captchaEnabled()).isTrue();
        assertThat(policy.enumerationSafe()).isTrue();
        assertThat(policy.unlockAllowed()).isTrue();
    }

    @Test
    void readsEverySettingFromTheExecutionConfig() {
        SsprPolicy policy = SsprPolicy.from(Map.ofEntries(
                Map.entry(SCOPE, "group"), Map.entry(SCOPE_GROUP, "/staff"),
                Map.entry(METHODS, "sspr-sms##sspr-questions##sspr-email"), Map.entry(METHODS_REQUIRED, "1"),
                Map.entry(ADMIN_ROLE, "helpdesk"), Map.entry(ADMIN_GROUP, "/admins"),
                Map.entry(CODE_LENGTH, "8"), Map.entry(CODE_LIFETIME_MINUTES, "10"),
                Map.entry(SENDS_PER_USER, "2"), Map.entry(SENDS_PER_CLIENT_IP, "7"),
                Map.entry(SENDS_PER_DESTINATION, "1"), Map.entry(BUDGET_WINDOW_MINUTES, "15"),
                Map.entry(CAPTCHA_ENABLED, "false"), Map.entry(CAPTCHA_DIFFICULTY, "1000"),
                Map.entry(UNLOCK_ALLOWED, "false"), Map.entry(ENUMERATION_SAFE, "false"),
                Map.entry(QUESTIONS_TO_ANSWER, "5"), Map.entry(ATTEMPTS_PER_ACCOUNT, "3"),
                Map.entry(ATTEMPTS_PER_CLIENT_IP, "30"), Map.entry(ATTEMPTS_WINDOW_HOURS, "12"),
                Map.entry(PHONE_REGION, "de"), Map.entry(PHONE_COUNTRIES, "49##+43"),
                Map.entry(PHONE_SENDS_PER_REALM, "250"), Map.entry(HELPDESK_CODES_PER_AGENT, "7"),
                Map.entry(HELPDESK_CODES_PER_REALM, "70"), Map.entry(HELPDESK_PASSES_PER_AGENT, "2"),
                Map.entry(HELPDESK_PASSES_PER_REALM, "20"), Map.entry(REMINDER_DAYS, "30##3"),
                Map.entry(REMINDER_SMS, "true")));

        assertThat(policy).isEqualTo(new SsprPolicy(SsprScope.GROUP, "/staff",
                List.of("sspr-sms", "sspr-questions", "sspr-email"), 1, "helpdesk", "/admins", 8,
                Duration.ofMinutes(10), 2, 7, 1, Duration.ofMinutes(15), false, 1000, false, false, 5,
                new AttemptLimits(3, 30, Duration.ofHours(12)),
                new PhoneRules(Optional.of("DE"), Set.of(43, 49), 250), new HelpDeskLimits(7, 70, 2, 20),
                new ExpiryReminders(List.of(3, 30), true)));
    }

    @Test
    void administratorsNeedTwoMethodsAndNeverAnswerQuestions() {
        SsprPolicy policy = SsprPolicy.from(Map.of(METHODS, "sspr-questions##sspr-sms##sspr-email",
                METHODS_REQUIRED, "1"));

        assertThat(policy.methodsRequiredFor(false)).isEqualTo(1);
        assertThat(policy.methodsRequiredFor(true)).isEqualTo(2);
        assertThat(policy.methodsFor(false)).contains("sspr-questions");
        assertThat(policy.methodsFor(true)).containsExactly("sspr-sms", "sspr-email");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sspr.scope|everyone|sspr.scope",
            "sspr.methods.required|3|sspr.methods.required",
            "sspr.methods.required|two|sspr.methods.required",
            "sspr.methods|sspr-email##sspr-fax|sspr.methods",
            "sspr.methods|sspr-email##sspr-email|sspr.methods",
            "sspr.code.length|4|sspr.code.length",
            "sspr.code.lifetime.minutes|11|sspr.code.lifetime.minutes",
            "sspr.code.lifetime.minutes|0|sspr.code.lifetime.minutes",
            "sspr.budget.sends.per.user|0|sspr.budget.sends.per.user",
            "sspr.captcha.enabled|yes|sspr.captcha.enabled",
            "sspr.questions.answer|2|sspr.questions.answer",
            "sspr.attempts.per.account|0|sspr.attempts.per.account",
            "sspr.attempts.per.ip|101|sspr.attempts.per.ip",
            "sspr.attempts.window.hours|169|sspr.attempts.window.hours",
            "sspr.phone.region|XX|sspr.phone.region",
            "sspr.phone.countries|49##999|sspr.phone.countries",
            "sspr.phone.countries|germany|sspr.phone.countries",
            "sspr.budget.phone.per.realm|0|sspr.budget.phone.per.realm",
            "sspr.helpdesk.codes.per.agent|101|sspr.helpdesk.codes.per.agent",
            "sspr.helpdesk.codes.per.realm|0|sspr.helpdesk.codes.per.realm",
            "sspr.helpdesk.passes.per.agent|0|sspr.helpdesk.passes.per.agent",
            "sspr.helpdesk.passes.per.realm|100001|sspr.helpdesk.passes.per.realm",
            "sspr.reminder.days|14##91|sspr.reminder.days",
            "sspr.reminder.days|soon|sspr.reminder.days",
    })
    void aBadValueIsRefusedNamingTheSetting(String key, String value, String namedKey) {
        assertThatThrownBy(() -> SsprPolicy.from(Map.of(key, value)))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.key()).isEqualTo(namedKey))
                .hasMessageContaining(namedKey);
    }

    @Test
    void groupScopeWithoutAGroupIsRefused() {
        assertThatThrownBy(() -> SsprPolicy.from(Map.of(SCOPE, "GROUP")))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.key()).isEqualTo(SCOPE_GROUP));
    }

    @Test
    void requiringMoreMethodsThanAvailableIsRefused() {
        assertThatThrownBy(() -> SsprPolicy.from(Map.of(METHODS, "sspr-sms", METHODS_REQUIRED, "2")))
                .isInstanceOfSatisfying(InvalidPolicyException.class,
                        e -> assertThat(e.key()).isEqualTo(METHODS_REQUIRED));
    }
}
