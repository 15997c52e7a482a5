package io.github.keycloaksspr.core.decoy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/** A name that leads nowhere is one name, whether typed as username or as address, as an account is. */
class TypedNamesTest {

    @Test
    void anAddressCountsAsItsLocalPartWhereUsersSignInWithTheirEmailToo() {
        RealmModel realm = realm(true, false);

        assertThat(TypedNames.canonical(realm, " JDoe@Corp.Example ")).isEqualTo("jdoe")
                .isEqualTo(TypedNames.canonical(realm, "jdoe"));
    }

    @Test
    void whereTheEmailIsTheUsernameOrNoEmailSignInAnAddressStaysWhole() {
        assertThat(TypedNames.canonical(realm(true, true), "jdoe@corp.example")).isEqualTo("jdoe@corp.example");
        assertThat(TypedNames.canonical(realm(false, false), "jdoe@corp.example")).isEqualTo("jdoe@corp.example");
    }

    private static RealmModel realm(boolean loginWithEmail, boolean emailAsUsername) {
        return Proxies.of(RealmModel.class, Map.of(
                "isLoginWithEmailAllowed", args -> loginWithEmail,
                "isRegistrationEmailAsUsername", args -> emailAsUsername));
    }
}
