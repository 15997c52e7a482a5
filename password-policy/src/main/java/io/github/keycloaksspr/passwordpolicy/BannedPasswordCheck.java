package io.github.keycloaksspr.passwordpolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.keycloaksspr.core.password.BannedPasswordRule;
import org.keycloak.policy.PolicyError;

/**
 * The banned-password check of one password: its normal forms, the banned parts found in them (common passwords,
 * the realm's custom terms, the user's and the organisation's names), the lowest score of the forms against the
 * minimum, and the refusal that names the main reason.
 *
 * @param common the global list
 * @param custom the realm's custom terms (may be empty)
 * @param showCustomTerms whether a refusal may quote the custom term the password matched (as the admin typed it);
 *                        a refusal never quotes the password
 * @param minimumScore the points a password needs
 */
record BannedPasswordCheck(TermIndex common, TermIndex custom, boolean showCustomTerms, int minimumScore) {

    static final int DEFAULT_MINIMUM_SCORE = 5;

    Optional<PolicyError> refusal(String password, PersonalTerms personalTerms) {
        PasswordScore score = lowestScore(password, personalTerms);
        if (score.points() >= minimumScore) {
            return Optional.empty();
        }
        Optional<PasswordScore.Match> reason = score.mainReason();
        if (reason.isEmpty()) {
            return Optional.of(new PolicyError(BannedPasswordRule.TOO_SIMPLE.messageKey(), minimumScore));
        }
        PasswordScore.Match match = reason.get();
        return Optional.of(switch (match.source()) {
            case PERSONAL -> new PolicyError(BannedPasswordRule.PERSONAL_DATA.messageKey());
            case ORGANISATION -> new PolicyError(BannedPasswordRule.ORGANISATION_NAME.messageKey());
            case CUSTOM -> showCustomTerms && match.term() != null
                    ? new PolicyError(BannedPasswordRule.BANNED_TERM_SHOWN.messageKey(), match.term())
                    : new PolicyError(BannedPasswordRule.BANNED_TERM.messageKey());
            case COMMON -> new PolicyError(BannedPasswordRule.COMMON_PASSWORD.messageKey());
        });
    }

    /** The strictest reading: the normal form with the fewest points. */
    PasswordScore lowestScore(String password, PersonalTerms personalTerms) {
        return PasswordNormalizer.forms(password).stream()
                .map(form -> score(form, personalTerms))
                .min(Comparator.comparingInt(PasswordScore::points))
                .orElseThrow();
    }

    private PasswordScore score(String form, PersonalTerms personalTerms) {
        if (cannotFail(form, personalTerms)) {
            return new PasswordScore(minimumScore, List.of(), List.of(), form);
        }
        List<PasswordScore.Match> found = new ArrayList<>();
        personalTerms.findIn(form, found);
        custom.findIn(form, BannedSource.CUSTOM, found);
        common.findIn(form, BannedSource.COMMON, found);
        return PasswordScore.of(form, found);
    }

    /**
     * A banned part is at most one character longer than the longest term, so a password long enough to need the
     * minimum number of parts even if all were banned passes without looking (and very long input costs nothing).
     */
    private boolean cannotFail(String form, PersonalTerms personalTerms) {
        int longestPart = Math.max(Math.max(common.longestTerm(), custom.longestTerm()) + 1, personalTerms.longest());
        return form.length() >= (long) minimumScore * longestPart;
    }
}
