package io.github.keycloaksspr.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal.Reason;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;
import org.junit.jupiter.api.Test;

class AdPasswordRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final AdPasswordPolicy DEFAULT_DOMAIN = new AdPasswordPolicy(7, true, 24, Duration.ofDays(1),
            "DC=example,DC=test");

    private static DirectoryPasswordRefusal explain(AdPasswordPolicy policy, String password, boolean hints,
                                                    Instant lastSet) {
        return AdPasswordRules.explain(policy, password, "jdoe", "Doe, Jane-Marie", hints, lastSet, NOW);
    }

    @Test
    void tooShortNamesTheMinimumLength() {
        assertThat(explain(DEFAULT_DOMAIN, "Ab1!", false, null))
                .isEqualTo(new DirectoryPasswordRefusal(Reason.TOO_SHORT, 7));
    }

    @Test
    void complexityNeedsThreeCategories() {
        assertThat(explain(DEFAULT_DOMAIN, "alllowercase", false, null).reason()).isEqualTo(Reason.COMPLEXITY);
        assertThat(explain(DEFAULT_DOMAIN, "lowerUPPER", false, null).reason()).isEqualTo(Reason.COMPLEXITY);
        assertThat(explain(DEFAULT_DOMAIN, "lowerUPPER7", false, null).reason()).isEqualTo(Reason.REJECTED);
        assertThat(explain(DEFAULT_DOMAIN, "lower-UPPER", false, null).reason()).isEqualTo(Reason.REJECTED);
        assertThat(AdPasswordRules.meetsComplexity("Пароль2024", null, null)).isTrue();
    }

    @Test
    void complexityRefusesTheAccountNameAndDisplayNameTokens() {
        assertThat(explain(DEFAULT_DOMAIN, "xJDOE-2024!", false, null).reason()).isEqualTo(Reason.COMPLEXITY);
        assertThat(explain(DEFAULT_DOMAIN, "Marie#2024x", false, null).reason()).isEqualTo(Reason.COMPLEXITY);
        // "Doe" splits into tokens of three characters or more: "Doe", "Jane", "Marie"
        assertThat(explain(DEFAULT_DOMAIN, "zzDoe!2024", false, null).reason()).isEqualTo(Reason.COMPLEXITY);
    }

    @Test
    void complexityOffLeavesOnlyTheLength() {
        AdPasswordPolicy simple = new AdPasswordPolicy(7, false, 0, Duration.ZERO, "pso");
        assertThat(explain(simple, "alllowercase", true, null).reason()).isEqualTo(Reason.REJECTED);
    }

    @Test
    void historyAndMinimumAgeOnlyWhenPolicyHintsWereSent() {
        Instant anHourAgo = NOW.minus(Duration.ofHours(1));
        assertThat(explain(DEFAULT_DOMAIN, "Fine-Password-7", false, anHourAgo).reason()).isEqualTo(Reason.REJECTED);
        assertThat(explain(DEFAULT_DOMAIN, "Fine-Password-7", true, anHourAgo))
                .isEqualTo(new DirectoryPasswordRefusal(Reason.MINIMUM_AGE, 24));
        assertThat(explain(DEFAULT_DOMAIN, "Fine-Password-7", true, NOW.minus(Duration.ofDays(3))))
                .isEqualTo(new DirectoryPasswordRefusal(Reason.HISTORY, 24));
        assertThat(explain(DEFAULT_DOMAIN, "Fine-Password-7", true, null).reason()).isEqualTo(Reason.HISTORY);
    }

    @Test
    void intervalsAndFileTimesFollowAdsEncoding() {
        assertThat(AdValues.interval("-864000000000")).isEqualTo(Duration.ofDays(1));
        assertThat(AdValues.interval("0")).isEqualTo(Duration.ZERO);
        assertThat(AdValues.interval(null)).isEqualTo(Duration.ZERO);
        assertThat(AdValues.interval("-9223372036854775808")).isEqualTo(Duration.ZERO);
        assertThat(AdValues.fileTime("116444736000000000")).isEqualTo(Instant.EPOCH);
        assertThat(AdValues.fileTime("0")).isNull();
    }

    @Test
    void theDomainIsTheTrailingDcComponents() throws Exception {
        assertThat(AdPasswordPolicyReader.domainOf("CN=Jane Doe,OU=Staff,DC=sspr,DC=test"))
                .isEqualTo("DC=sspr,DC=test");
    }
}
