package io.github.keycloaksspr.passwordpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.policy.PasswordPolicyConfigException;

/**
 * The realm's own banned terms (company, products, city…), the value of the {@code sspr-banned-password-terms} policy:
 * comma-separated, at most {@value #MAX_TERMS}, each {@value PersonalTerms#MIN_LENGTH}-{@value #MAX_TERM_LENGTH}
 * characters in normal form. A bad value is refused when the policy is saved, naming the rule, never echoing the
 * terms.
 */
final class CustomTerms {

    static final int MAX_TERMS = 1000;
    static final int MAX_TERM_LENGTH = 64;
    static final TermIndex NONE = TermIndex.of(List.of(), PersonalTerms.MIN_LENGTH);

    private CustomTerms() {
    }

    static TermIndex parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Map<String, String> terms = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>(List.of(value.split(",")));
        for (String term : raw) {
            if (term.isBlank()) {
                continue;
            }
            String normal = PasswordNormalizer.term(term.strip());
            if (normal.length() < PersonalTerms.MIN_LENGTH || normal.length() > MAX_TERM_LENGTH) {
                throw new PasswordPolicyConfigException("Banned password terms must have "
                        + PersonalTerms.MIN_LENGTH + " to " + MAX_TERM_LENGTH + " characters each");
            }
            terms.putIfAbsent(normal, term.strip());
        }
        if (terms.size() > MAX_TERMS) {
            throw new PasswordPolicyConfigException("At most " + MAX_TERMS + " banned password terms");
        }
        return TermIndex.quoting(terms, PersonalTerms.MIN_LENGTH);
    }
}
