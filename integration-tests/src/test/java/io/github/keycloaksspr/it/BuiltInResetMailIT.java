package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.page.LoginPasswordResetPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** Proves the mail path: Keycloak's own "Forgot password?" flow delivers to a real SMTP server (GreenMail). */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class BuiltInResetMailIT {

    private static final String USERNAME = "mail-user";
    private static final String EMAIL = "mail-user@example.org";

    @InjectRealm(config = ResetAllowedRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver webDriver;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    LoginPasswordResetPage resetPage;

    @InjectPage
    LoginPasswordUpdatePage updatePasswordPage;

    @Test
    void forgotPasswordSendsAWorkingResetLinkByMail() throws Exception {
        oauth.openLoginForm();
        loginPage.resetPassword();
        resetPage.assertCurrent();
        resetPage.changePassword(USERNAME);

        assertThat(mailServer.waitForIncomingEmail(15_000, 1)).as("a mail reached GreenMail").isTrue();
        MimeMessage mail = mailServer.getLastReceivedMessage();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(EMAIL);
        assertThat(mail.getSubject()).isEqualTo("Reset password");

        String link = MailContent.firstLink(mail, "/login-actions/action-token");
        webDriver.open(link);
        updatePasswordPage.assertCurrent();
    }

    public static final class ResetAllowedRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.resetPasswordAllowed(true)
                    .users(UserBuilder.create(USERNAME).email(EMAIL).emailVerified(true)
                            .name("Mail", "User").password("Initial-Passw0rd!").enabled(true));
        }
    }
}
