package io.github.keycloaksspr.core.credential;

import java.util.Objects;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.state.UserState;
import io.github.keycloaksspr.core.state.UserStates;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Which of Keycloak's own credentials (authenticator app, passkeys) may prove a user in SSPR. Keycloak lets anyone
 * signed in with the password set one up ({@code kc_action=CONFIGURE_TOTP}, {@code webauthn-register-passwordless}),
 * which the pack cannot ask for proof of another method. So such a credential counts only when it existed before the
 * pack first saw the user sign in, or was set up through the security-info page, after its proof. The record is the
 * pack's user state, out of the user's reach, for local and directory users alike.
 */
public final class KeycloakCredentialVetting {

    private KeycloakCredentialVetting() {
    }

    /** At a sign-in, before anything else can happen in it: what the user already has keeps counting. */
    public static void firstSight(KeycloakSession session, UserModel user, long nowMillis) {
        UserStates.of(session).update(session.getContext().getRealm(), user, nowMillis, row -> {
        });
    }

    /**
     * Whether {@code credential} may prove the user. A local user the pack never saw sign in (a realm without the
     * security-info action) keeps Keycloak's credentials as they are; a directory user fails closed (the directory
     * could have been written by anyone the pack never saw).
     */
    public static boolean counts(KeycloakSession session, UserModel user, CredentialModel credential) {
        return counts(UserStates.of(session).find(user), user.getFederationLink() != null, credential);
    }

    static boolean counts(UserState state, boolean directoryUser, CredentialModel credential) {
        if (state.vettedUntil().isEmpty()) {
            return !directoryUser;
        }
        Long created = credential.getCreatedDate();
        return created != null && created <= state.vettedUntil().get()
                || state.vettedCredentialIds().contains(credential.getId());
    }

    /** Records Keycloak credentials created at or after {@code sinceMillis} as set up through the page. */
    public static void vetCreatedSince(KeycloakSession session, UserModel user, Stream<CredentialModel> credentials,
                                       long sinceMillis, long nowMillis) {
        UserStates.of(session).vet(session.getContext().getRealm(), user, nowMillis,
                credentials.filter(c -> c.getCreatedDate() != null && c.getCreatedDate() >= sinceMillis)
                        .map(CredentialModel::getId).filter(Objects::nonNull).toList());
    }
}
