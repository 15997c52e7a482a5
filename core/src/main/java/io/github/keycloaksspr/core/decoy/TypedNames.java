package io.github.keycloaksspr.core.decoy;

import java.util.Locale;

import org.keycloak.models.RealmModel;

/**
 * One name per person as typed at "Forgot password?", for names that lead to no account: a registered account is
 * the same whether its username or its email address is typed, so a name that leads nowhere must not look different
 * either. Where users sign in with their email too (and the username is not the email), an address counts as its
 * local part, which is what most directories make the username of.
 */
public final class TypedNames {

    private TypedNames() {
    }

    public static String canonical(RealmModel realm, String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        int at = name.lastIndexOf('@');
        if (at > 0 && realm.isLoginWithEmailAllowed() && !realm.isRegistrationEmailAsUsername()) {
            return name.substring(0, at);
        }
        return name;
    }
}
