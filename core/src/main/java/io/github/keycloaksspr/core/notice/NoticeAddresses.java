package io.github.keycloaksspr.core.notice;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.keycloaksspr.core.credential.SsprCredentials;
import org.keycloak.models.UserModel;

/** Where a user is told of something: the account address and every registered alternate address, each once. */
final class NoticeAddresses {

    private NoticeAddresses() {
    }

    static Set<String> of(UserModel user) {
        Set<String> addresses = new LinkedHashSet<>();
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
        SsprCredentials.alternateEmails(user).forEach(e -> addresses.add(e.email()));
        return addresses;
    }
}
