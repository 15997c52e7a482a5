package io.github.keycloaksspr.ldap;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal.Reason;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;

/**
 * Explains an AD "password restriction" (0000052D) refusal. AD's error names no rule, so the refused password is
 * checked against the rules that apply to the user, in the order AD checks them; history and minimum age are only
 * candidates when AD was asked to enforce them (the password-policy-hints control), since an administrative reset
 * skips both.
 */
final class AdPasswordRules {

    /** Where AD splits a display name into the tokens a complex password may not contain. */
    private static final Pattern NAME_DELIMITERS = Pattern.compile("[,.\\-_#\\t ]+");
    private static final int SHORTEST_CHECKED_NAME = 3;
    private static final int CATEGORIES_REQUIRED = 3;

    private AdPasswordRules() {
    }

    /**
     * @param historyAndAgeEnforced whether the write carried the policy-hints control
     * @param lastSet               when the current password was set ({@code pwdLastSet}), null if never or unknown
     */
    static DirectoryPasswordRefusal explain(AdPasswordPolicy policy, String password, String accountName,
                                            String displayName, boolean historyAndAgeEnforced, Instant lastSet,
                                            Instant now) {
        // AD counts UTF-16 units (Windows' wide characters), as String.length() does.
        if (password.length() < policy.minimumLength()) {
            return new DirectoryPasswordRefusal(Reason.TOO_SHORT, policy.minimumLength());
        }
        if (policy.complexity() && !meetsComplexity(password, accountName, displayName)) {
            return DirectoryPasswordRefusal.of(Reason.COMPLEXITY);
        }
        if (historyAndAgeEnforced) {
            Duration minimumAge = policy.minimumAge();
            if (!minimumAge.isZero() && lastSet != null && lastSet.plus(minimumAge).isAfter(now)) {
                return new DirectoryPasswordRefusal(Reason.MINIMUM_AGE, Math.max(1, ceilHours(minimumAge)));
            }
            if (policy.historyLength() > 0) {
                return new DirectoryPasswordRefusal(Reason.HISTORY, policy.historyLength());
            }
        }
        return DirectoryPasswordRefusal.of(Reason.REJECTED);
    }

    /**
     * Windows' "must meet complexity requirements": no account name, no display-name token of three or more
     * characters (case-insensitive), and characters from three of: upper case, lower case, digits, symbols, other
     * letters.
     */
    static boolean meetsComplexity(String password, String accountName, String displayName) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (accountName != null && accountName.length() >= SHORTEST_CHECKED_NAME
                && lower.contains(accountName.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (displayName != null) {
            for (String token : NAME_DELIMITERS.split(displayName)) {
                if (token.length() >= SHORTEST_CHECKED_NAME && lower.contains(token.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return categories(password) >= CATEGORIES_REQUIRED;
    }

    private static int categories(String password) {
        boolean upper = false;
        boolean lowerCase = false;
        boolean digit = false;
        boolean symbol = false;
        boolean otherLetter = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lowerCase = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (Character.isLetter(c)) {
                otherLetter = true;
            } else {
                symbol = true;
            }
        }
        int count = 0;
        for (boolean category : new boolean[] {upper, lowerCase, digit, symbol, otherLetter}) {
            count += category ? 1 : 0;
        }
        return count;
    }

    private static long ceilHours(Duration duration) {
        long hours = duration.toHours();
        return duration.equals(Duration.ofHours(hours)) ? hours : hours + 1;
    }
}
