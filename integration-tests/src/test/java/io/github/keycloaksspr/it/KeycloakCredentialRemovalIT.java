package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AccountApi;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * An attacker who holds only the password, in a realm whose sign-in asks nothing more, tries to strip a user's
 * authenticator app through Keycloak's own removal paths (the Account Console's Remove as
 * {@code kc_action=delete_credential:<id>}, and the account REST API the console calls) so that the security-info
 * page would take the account for unregistered and accept the attacker's own phone. With the security-info page
 * enabled, Keycloak's second factors are removed there, after proof of another method: both paths remove nothing,
 * the first leads to that page, and the page asks for proof before any change.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class KeycloakCredentialRemovalIT {

    static final String PASSWORD = "Removal-Passw0rd!";
    static final String ARIEL = "ariel.app";
    static final String ARIEL_SECRET = "credential-removal-totp-01";
    static final String BEA = "bea.app";
    static final String BEA_SECRET = "credential-removal-totp-02";
    static final String POINTER = "Remove this method on your security info page";

    @InjectRealm(config = PasswordOnlyRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** The test app's redirect target: a sign-in ends there. */
    @InjectHttpServer
    HttpServer httpServer;

    @Test
    void aPasswordAloneCannotRemoveTheAuthenticatorAppThroughKeycloaksOwnPaths() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        String otpId = RegistrationAdmin.credentialId(realm, ARIEL, "otp");
        FormBrowser attacker = signedInWithThePasswordAlone(ARIEL);

        attacker.open(authorizationUrl() + "&kc_action=delete_credential:" + otpId);
        assertThat(attacker.html()).as("the console's Remove").contains(POINTER).doesNotContain("Do you want to delete");
        assertThat(allCredentialTypes(ARIEL)).as("after the console's Remove").contains("otp");

        AccountApi console = AccountApi.signedIn(urls.getBase(), realm.getName(), attacker);
        assertThat(console.credentialType("otp").path("removeable").asBoolean()).as("no Remove button").isFalse();
        assertThat(console.remove(otpId)).as("the account REST API").isEqualTo(400);
        assertThat(allCredentialTypes(ARIEL)).as("after the REST API").contains("otp");

        attacker.open(authorizationUrl() + "&kc_action=" + RegistrationAdmin.ACTION);
        attacker.submit(Map.of("action", "add-phone", "phone", "+4917000000051"));
        assertThat(ExistingMethodProof.asked(attacker)).as("the page still knows the account's methods").isTrue();
    }

    @Test
    void theOwnerRemovesTheAppOnTheSecurityInfoPageAfterProof() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        FormBrowser owner = signedInWithThePasswordAlone(BEA);
        owner.open(authorizationUrl() + "&kc_action=" + RegistrationAdmin.ACTION);
        assertThat(owner.html()).contains("sspr-remove-keycloak-1");

        String otpId = RegistrationAdmin.credentialId(realm, BEA, "otp");
        owner.submit(Map.of("removeCredential", otpId));
        assertThat(ExistingMethodProof.asked(owner)).isTrue();
        ExistingMethodProof.byAuthenticatorApp(owner, BEA_SECRET);
        assertThat(owner.html()).contains("The method has been removed.");
        assertThat(allCredentialTypes(BEA)).doesNotContain("otp");
    }

    /** Password, then past the security-info review if the realm asks for it: a session of the password alone. */
    private FormBrowser signedInWithThePasswordAlone(String username) throws Exception {
        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, PASSWORD);
        if (browser.textOf("sspr-page-title").equals("Keep your account recoverable")) {
            browser.submit(Map.of("action", "confirm"));
        }
        assertThat(TestAppLogin.signedIn(browser)).as(browser.html()).isTrue();
        return browser;
    }

    /** Every credential type of the user, Keycloak's own included (Users → user → Credentials). */
    private List<String> allCredentialTypes(String username) {
        return RegistrationAdmin.credentials(realm, username).stream().map(CredentialRepresentation::getType).toList();
    }

    private String authorizationUrl() {
        return urls.getBase() + "/realms/" + realm.getName() + "/protocol/openid-connect/auth?client_id="
                + SsprResetRealm.CLIENT_ID + "&response_type=code&scope=openid&redirect_uri="
                + SsprResetRealm.REDIRECT_URI;
    }

    /** Sign-in asks the password alone: the browser flow is cookie or username and password, nothing more. */
    public static final class PasswordOnlyRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-credential-removal"), Map.of(
                            "sspr.methods", "sspr-totp##sspr-email##sspr-sms",
                            "sspr.methods.required", "1",
                            "sspr.phone.region", "DE",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        List<AuthenticationFlowRepresentation> flows = new ArrayList<>(rep.getAuthenticationFlows());
                        flows.add(flow("password only", true, execution("auth-cookie", null),
                                execution(null, "password only forms")));
                        flows.add(flow("password only forms", false,
                                execution("auth-username-password-form", null)));
                        rep.setAuthenticationFlows(flows);
                        rep.setBrowserFlow("password only");
                    })
                    .users(person(ARIEL, ARIEL_SECRET), person(BEA, BEA_SECRET));
        }

        private static UserBuilder person(String username, String totpSecret) {
            // Imported users get no default roles; the Account Console needs manage-account.
            return UserBuilder.create(username).email(username + "@corp.example").emailVerified(true)
                    .name(username, "App").password(PASSWORD).enabled(true).totpSecret(totpSecret)
                    .realmRoles("default-roles-sspr-credential-removal")
                    .credential(SeededCredentials.alternateEmail(username + ".home@example.net"));
        }

        private static AuthenticationFlowRepresentation flow(String alias, boolean topLevel,
                                                             AuthenticationExecutionExportRepresentation... steps) {
            AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
            flow.setAlias(alias);
            flow.setProviderId("basic-flow");
            flow.setTopLevel(topLevel);
            flow.setBuiltIn(false);
            flow.setAuthenticationExecutions(List.of(steps));
            return flow;
        }

        private static AuthenticationExecutionExportRepresentation execution(String authenticator, String subFlow) {
            AuthenticationExecutionExportRepresentation step = new AuthenticationExecutionExportRepresentation();
            step.setAuthenticator(authenticator);
            step.setFlowAlias(subFlow);
            step.setAuthenticatorFlow(subFlow != null);
            step.setRequirement(authenticator != null && authenticator.equals("auth-username-password-form")
                    ? "REQUIRED" : "ALTERNATIVE");
            step.setPriority(subFlow == null ? 10 : 20);
            step.setUserSetupAllowed(false);
            return step;
        }
    }
}
