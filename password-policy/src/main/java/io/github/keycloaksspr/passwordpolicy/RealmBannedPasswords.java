package io.github.keycloaksspr.passwordpolicy;

import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PolicyError;

/**
 * The banned-password check as a realm configured it: its minimum score, its custom terms and whether refusals quote
 * them (the parsed values of the realm's password policy, which Keycloak keeps with the realm: a changed policy takes
 * effect at once, on every node), against the user's and the realm's own names.
 */
final class RealmBannedPasswords {

    private RealmBannedPasswords() {
    }

    static PolicyError refusal(TermIndex common, int minimumScore, RealmModel realm, UserModel user, String username,
                               String password) {
        PasswordPolicy policy = realm == null ? PasswordPolicy.empty() : realm.getPasswordPolicy();
        TermIndex custom = policy.getPolicies().contains(BannedPasswordTermsPolicyProviderFactory.ID)
                ? policy.getPolicyConfig(BannedPasswordTermsPolicyProviderFactory.ID) : CustomTerms.NONE;
        boolean showTerms = policy.getPolicies().contains(ShowBannedTermsPolicyProviderFactory.ID)
                && Boolean.TRUE.equals(policy.getPolicyConfig(ShowBannedTermsPolicyProviderFactory.ID));
        PersonalTerms.Builder terms = PersonalTerms.builder().person(username);
        if (user != null) {
            terms.person(user.getUsername()).person(user.getFirstName()).person(user.getLastName())
                    .email(user.getEmail());
        }
        if (realm != null) {
            terms.organisation(realm.getDisplayName()).organisation(realm.getName());
        }
        return new BannedPasswordCheck(common, custom, showTerms, minimumScore)
                .refusal(password, terms.build()).orElse(null);
    }
}
