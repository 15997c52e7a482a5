package io.github.keycloaksspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.keycloaksspr.core.password.BannedPasswordRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PolicyError;

/** The scores of the README's examples, and why each refused one is refused. */
class BannedPasswordCheckTest {

    static TermIndex common;
    static final PersonalTerms ANNA = PersonalTerms.builder().person("anna").person("Anna").person("Example")
            .email("anna.example@example.org").organisation("Contoso").organisation("contoso-realm").build();

    @BeforeAll
    static void loadTheGlobalList() {
        common = CommonPasswords.load();
    }

    @Test
    void theGlobalListIsZxcvbnsCommonPasswordsInNormalForm() {
        assertThat(common.size()).as("30 000 entries, minus those shorter than 4 in normal form").isBetween(25_000, 30_000);
    }

    @Test
    void normalFormUndoesSubstitutionsCaseAndRepeats() {
        assertThat(PasswordNormalizer.forms("P@ssw0rd")).containsExactly("password");
        assertThat(PasswordNormalizer.forms("PASSSSWORD")).as("three or more as two").containsExactly("password");
        assertThat(PasswordNormalizer.forms("$umm3r!!!")).containsExactly("summerii");
        assertThat(PasswordNormalizer.forms("adm1n")).as("a 1 is an l or an i").containsExactly("admln", "admin");
        assertThat(PasswordNormalizer.forms("correct horse")).as("spaces stay").containsExactly("correct horse");
        assertThat(PasswordNormalizer.forms("ｐａｓｓ")).as("full-width letters").containsExactly("pass");
    }

    @Test
    void summer26IsACommonPasswordWithThreeCharactersMore() {
        assertScore("Summer26!", 3, BannedPasswordRule.COMMON_PASSWORD);
    }

    @Test
    void pAssw0rd1IsOneCommonPassword() {
        assertScore("P@ssw0rd1", 1, BannedPasswordRule.COMMON_PASSWORD);
    }

    @Test
    void theOrganisationsNameWithDigitsIsRefusedNamingTheOrganisation() {
        assertScore("Contoso123", 4, BannedPasswordRule.ORGANISATION_NAME);
    }

    @Test
    void theUserNameWithACommonWordIsRefusedNamingThePerson() {
        assertScore("anna-Secure1", 3, BannedPasswordRule.PERSONAL_DATA);
    }

    @Test
    void theEmailsNamePartCounts() {
        assertThat(refusal("AnnaExample!9", ANNA)).map(PolicyError::getMessage)
                .contains(BannedPasswordRule.PERSONAL_DATA.messageKey());
    }

    @Test
    void aPassphraseOfCommonWordsPassesThroughItsSeparators() {
        assertThat(check(false).lowestScore("Tangerine-Volcano-Ledger-42", ANNA).points()).isEqualTo(14);
        PasswordScore words = check(false).lowestScore("correct horse battery staple", ANNA);
        assertThat(words.banned().stream().map(words::text)).containsExactly("horse", "battery", "staple");
        assertThat(words.points()).as("three common words, three spaces and the seven letters of correct")
                .isEqualTo(13);
        assertThat(refusal("Tangerine-Volcano-Ledger-42", ANNA)).isEmpty();
        assertThat(refusal("correct horse battery staple", ANNA)).isEmpty();
    }

    @Test
    void aRandomPasswordScoresOnePointPerCharacter() {
        assertThat(check(false).lowestScore("Xk9#mT2$vL", ANNA).points()).isEqualTo(10);
        assertThat(refusal("Xk9#mT2$vL", ANNA)).isEmpty();
    }

    @Test
    void longRepeatsScoreTwiceAndShortPasswordsAreTooSimple() {
        assertScore("aaaaaaaaaaaa", 2, BannedPasswordRule.TOO_SIMPLE);
        assertThat(refusal("aaaaaaaaaaaa", ANNA).orElseThrow().getParameters()).containsExactly(5);
    }

    @Test
    void aCustomTermIsFoundOneEditAwayAndNotQuotedByDefault() {
        assertThat(check(false).lowestScore("Widgetpr0!!", ANNA).points()).isEqualTo(2);
        PolicyError error = refusal("Widgetpr0!!", ANNA).orElseThrow();
        assertThat(error.getMessage()).isEqualTo(BannedPasswordRule.BANNED_TERM.messageKey());
        assertThat(error.getParameters()).isEmpty();
        assertThat(refusal("Wigdetpro-77", ANNA)).as("two edits (a swap) are not one").isEmpty();
    }

    @Test
    void aRealmMayQuoteTheCustomTermAsTyped() {
        PolicyError error = check(true).refusal("Widgetpr0!!", ANNA).orElseThrow();
        assertThat(error.getMessage()).isEqualTo(BannedPasswordRule.BANNED_TERM_SHOWN.messageKey());
        assertThat(error.getParameters()).containsExactly("WidgetPro");
    }

    @Test
    void theMinimumScoreIsTheRealms() {
        BannedPasswordCheck strict = new BannedPasswordCheck(common, CustomTerms.NONE, false, 12);
        assertThat(strict.refusal("Xk9#mT2$vL", ANNA)).as("10 points < 12").isPresent();
    }

    @Test
    void aPasswordTooLongToFailIsNotSearched() {
        String endless = "password".repeat(100);
        assertThat(check(false).lowestScore(endless, ANNA).found()).isEmpty();
        assertThat(refusal(endless, ANNA)).isEmpty();
    }

    @Test
    void badTermListsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> CustomTerms.parse("acme, xyz")).isInstanceOf(PasswordPolicyConfigException.class)
                .hasMessage("Banned password terms must have 4 to 64 characters each").hasMessageNotContaining("xyz");
        // Letters between dashes: distinct in normal form as well (no repeats to fold, no digits to read as letters).
        String tooMany = IntStream.range(0, CustomTerms.MAX_TERMS + 1)
                .mapToObj(i -> "term-" + (char) ('a' + i / 26 / 26 % 26) + "-" + (char) ('a' + i / 26 % 26) + "-"
                        + (char) ('a' + i % 26))
                .collect(Collectors.joining(","));
        assertThatThrownBy(() -> CustomTerms.parse(tooMany)).hasMessage("At most 1000 banned password terms");
        assertThat(CustomTerms.parse(String.join(",", Collections.nCopies(2000, "acme")))).as("duplicates count once")
                .isNotNull();
        assertThat(CustomTerms.parse("  ").size()).isZero();
    }

    @Test
    void badScoresAreRefused() {
        assertThat(BannedPasswordsPolicyProviderFactory.parseMinimumScore(null)).isEqualTo(5);
        assertThat(BannedPasswordsPolicyProviderFactory.parseMinimumScore("8")).isEqualTo(8);
        for (String bad : List.of("0", "31", "five")) {
            assertThatThrownBy(() -> BannedPasswordsPolicyProviderFactory.parseMinimumScore(bad))
                    .isInstanceOf(PasswordPolicyConfigException.class)
                    .hasMessage("The banned-password score must be a number from 1 to 30");
        }
    }

    private static void assertScore(String password, int points, BannedPasswordRule rule) {
        assertThat(check(false).lowestScore(password, ANNA).points()).as("score of %s", password).isEqualTo(points);
        assertThat(refusal(password, ANNA)).as("refusal of %s", password).map(PolicyError::getMessage)
                .contains(rule.messageKey());
    }

    private static Optional<PolicyError> refusal(String password, PersonalTerms terms) {
        return check(false).refusal(password, terms);
    }

    private static BannedPasswordCheck check(boolean showTerms) {
        return new BannedPasswordCheck(common, CustomTerms.parse("WidgetPro, Springfield"), showTerms, 5);
    }
}
