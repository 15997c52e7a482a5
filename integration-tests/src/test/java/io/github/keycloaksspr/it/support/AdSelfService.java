package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What an AD user does in these tests: signs in through Keycloak once (which imports the account and asks for security
 * info: a mobile phone, proven by the SMS code) and later goes through "Forgot password?" proving that phone.
 */
public final class AdSelfService {

    private final String keycloakBaseUrl;
    private final String realm;
    private final String username;
    private final String adPassword;

    /**
     * A fresh AD account (an old one of that name is deleted first), the realm federated with the AD, and both undone
     * when the test ends.
     */
    public static AdSelfService newAdUser(SambaAd ad, ManagedRealm realm, String keycloakBaseUrl, String username,
                                          String adPassword, String firstName, String lastName) {
        ad.deleteUserIfPresent(username);
        ad.createUser(username, adPassword, firstName, lastName, firstName.toLowerCase() + "@example.test");
        realm.cleanup().add(r -> ad.deleteUserIfPresent(username));
        AdFederation.federate(realm);
        return new AdSelfService(keycloakBaseUrl, realm.getName(), username, adPassword);
    }

    public AdSelfService(String keycloakBaseUrl, String realm, String username, String adPassword) {
        this.keycloakBaseUrl = keycloakBaseUrl;
        this.realm = realm;
        this.username = username;
        this.adPassword = adPassword;
    }

    /** First sign-in through Keycloak (imports the AD user) registers a mobile phone. */
    public void registerPhone(TwilioAccount.Registration twilio, String phone) throws Exception {
        FormBrowser browser = TestAppLogin.submitPassword(keycloakBaseUrl, realm, username, adPassword);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        browser.submit(Map.of("action", "add-phone", "phone", phone));
        browser.submit(Map.of("action", "verify",
                "code", Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body())));
        browser.submit(Map.of("action", "confirm"));
        assertThat(TestAppLogin.signedIn(browser)).as(browser.html()).isTrue();
    }

    /** "Forgot password?" proven with the SMS code that is the {@code nth} text of this test. */
    public ResetJourney verifiedBySms(TwilioAccount.Registration twilio, int nth) throws Exception {
        ResetJourney journey = new ResetJourney(keycloakBaseUrl, realm).start().chooseAccount(username)
                .selectMethod("sspr-sms");
        return journey.enterCode(Codes.in(twilio.twilio().awaitRequests(nth, Duration.ofSeconds(10)).get(nth - 1)
                .body()));
    }

    /** Whether a fresh sign-in through Keycloak with {@code password} gets the user in. */
    public boolean signsIn(String password) throws Exception {
        return TestAppLogin.signedIn(TestAppLogin.submitPassword(keycloakBaseUrl, realm, username, password));
    }
}
