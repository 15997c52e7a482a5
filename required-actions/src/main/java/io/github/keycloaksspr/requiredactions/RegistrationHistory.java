package io.github.keycloaksspr.requiredactions;

import java.util.List;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.state.KnownContact;
import io.github.keycloaksspr.core.state.UserStates;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Remembers that a user has security info, and where they are reached, whenever the pack sees it (at each sign-in and
 * after each addition): once all of it is gone, registering again needs the account address
 * ({@link AccountAddressProof}) and is told to these contacts, however it went.
 */
final class RegistrationHistory {

    private RegistrationHistory() {
    }

    static void record(KeycloakSession session, RealmModel realm, UserModel user, SecurityInfo info) {
        if (info.registered() == 0) {
            return;
        }
        List<KnownContact> contacts = Stream.of(
                SsprCredentials.mobilePhones(user).map(phone -> KnownContact.phone(phone.number())),
                SsprCredentials.alternateEmails(user).map(email -> KnownContact.email(email.email())),
                // The account's own address as long as it is verified: the one registering again is proven by.
                user.getEmail() != null && !user.getEmail().isBlank() && user.isEmailVerified()
                        ? Stream.of(KnownContact.account(user.getEmail().strip())) : Stream.<KnownContact>empty())
                .flatMap(s -> s).toList();
        UserStates.of(session).registered(realm, user, Time.currentTimeMillis(), contacts);
    }
}
