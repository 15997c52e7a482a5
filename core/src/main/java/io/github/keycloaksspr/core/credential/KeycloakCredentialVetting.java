package io.github.keycloaksspr.core.credential;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.profile.UserEditableAttributes;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Which of Keycloak's own credentials (authenticator app, passkeys) may prove a user in SSPR. Keycloak lets anyone
 * signed in with the password set one up ({@code kc_action=CONFIGURE_TOTP}, {@code webauthn-register-passwordless}),
 * which the pack cannot ask for proof of another method. So such a credential counts only when it existed before the
 * pack first saw the user sign in, or was set up through the security-info page, after its proof.
 */
public final class KeycloakCredentialVetting {

    private static final Logger LOG = Logger.getLogger(KeycloakCredentialVetting.class);

    /** Epoch ms of the pack's first sight of the user: Keycloak credentials created up to then count. */
    public static final String VETTED_UNTIL_ATTRIBUTE = "sspr.vettedUntil";
    /** Ids of Keycloak credentials set up later through the security-info page. */
    public static final String VETTED_IDS_ATTRIBUTE = "sspr.vettedCredentials";

    private KeycloakCredentialVetting() {
    }

    /** At a sign-in, before anything else can happen in it: what the user already has keeps counting. */
    public static void firstSight(UserModel user, long nowMillis) {
        if (user.getFirstAttribute(VETTED_UNTIL_ATTRIBUTE) != null) {
            return;
        }
        try {
            user.setSingleAttribute(VETTED_UNTIL_ATTRIBUTE, Long.toString(nowMillis));
        } catch (ModelException e) {
            // A read-only directory user: nothing is recorded, and Keycloak's credentials keep counting as they are.
            LOG.debugf("SSPR: cannot record the first sight of user %s: %s", user.getId(), e.getClass().getSimpleName());
        }
    }

    /**
     * Whether {@code credential} may prove the user. A local user the pack never saw sign in (a realm without the
     * security-info action) keeps Keycloak's credentials as they are. The record fails closed where it cannot be
     * trusted: where the realm's user profile lets users write these attributes themselves, no Keycloak credential
     * counts (the record could be the user's own writing); nor, without a record, for a directory user (a read-only
     * directory keeps none, so the first sight could never be told from an attacker's later setup).
     */
    public static boolean counts(KeycloakSession session, UserModel user, CredentialModel credential) {
        if (UserEditableAttributes.editableByUsers(session, VETTED_UNTIL_ATTRIBUTE)
                || UserEditableAttributes.editableByUsers(session, VETTED_IDS_ATTRIBUTE)) {
            return false;
        }
        String until = user.getFirstAttribute(VETTED_UNTIL_ATTRIBUTE);
        if (until == null) {
            return user.getFederationLink() == null;
        }
        Long created = credential.getCreatedDate();
        return created != null && created <= parse(until)
                || vettedIds(user).contains(credential.getId());
    }

    /** Records Keycloak credentials created at or after {@code sinceMillis} as set up through the page. */
    public static void vetCreatedSince(UserModel user, Stream<CredentialModel> credentials, long sinceMillis) {
        Set<String> ids = new LinkedHashSet<>(vettedIds(user));
        credentials.filter(c -> c.getCreatedDate() != null && c.getCreatedDate() >= sinceMillis)
                .map(CredentialModel::getId).filter(Objects::nonNull).forEach(ids::add);
        try {
            user.setAttribute(VETTED_IDS_ATTRIBUTE, ids.stream().toList());
        } catch (ModelException e) {
            LOG.debugf("SSPR: cannot record the set-up credentials of user %s: %s", user.getId(),
                    e.getClass().getSimpleName());
        }
    }

    private static Set<String> vettedIds(UserModel user) {
        return user.getAttributeStream(VETTED_IDS_ATTRIBUTE).collect(Collectors.toSet());
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // A tampered value vets nothing by date.
            return Long.MIN_VALUE;
        }
    }
}
