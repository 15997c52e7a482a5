package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.keycloaksspr.it.support.AdFederation;
import io.github.keycloaksspr.it.support.SambaAd;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;

/** A user who lives in a real Active Directory signs in through Keycloak, and a password set in Keycloak lands in AD. */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class ActiveDirectoryPasswordIT {

    private static final String USERNAME = "ad-alice";
    private static final String AD_PASSWORD = "Initial-Passw0rd!";
    private static final String NEW_PASSWORD = "Changed-in-Keycl0ak!";

    @InjectRealm
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    private final SambaAd ad = SambaAd.connect();

    @BeforeEach
    void createAdUserAndFederate() {
        ad.deleteUserIfPresent(USERNAME);
        ad.createUser(USERNAME, AD_PASSWORD, "Alice", "Directory", "alice@example.test");
        AdFederation.federate(realm);
    }

    @AfterEach
    void removeAdUser() {
        ad.deleteUserIfPresent(USERNAME);
    }

    @Test
    void adUserSignsInAndAPasswordChangedThroughKeycloakReachesAd() {
        oauth.openLoginForm();
        loginPage.fillLogin(USERNAME, AD_PASSWORD);
        loginPage.submit();
        assertThat(oauth.parseLoginResponse().getCode()).as("signed in with the AD password").isNotBlank();

        UserRepresentation imported = realm.admin().users().searchByUsername(USERNAME, true).get(0);
        assertThat(imported.getFederationLink()).as("imported from AD").isNotBlank();

        // The user is asked to change the password at the next sign-in, as after a helpdesk ticket.
        imported.setRequiredActions(List.of("UPDATE_PASSWORD"));
        realm.admin().users().get(imported.getId()).update(imported);
        realm.admin().users().get(imported.getId()).logout();

        oauth.openLoginForm();
        loginPage.fillLogin(USERNAME, AD_PASSWORD);
        loginPage.submit();
        updatePasswordPage.assertCurrent();
        updatePasswordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD);
        assertThat(oauth.parseLoginResponse().getCode()).as("signed in after changing the password").isNotBlank();

        assertThat(ad.passwordWorks(USERNAME, NEW_PASSWORD)).as("LDAPS bind with the new password").isTrue();
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("LDAPS bind with the old password").isFalse();
    }
}
