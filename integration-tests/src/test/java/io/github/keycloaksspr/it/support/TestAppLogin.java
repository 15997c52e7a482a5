package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.util.Map;

/** Signing in to the test app through the realm's login page, as a user types it. */
public final class TestAppLogin {

    private TestAppLogin() {
    }

    /** Opens the login page in a fresh browser and submits username and password; returns the page that follows. */
    public static FormBrowser submitPassword(String keycloakBaseUrl, String realm, String username, String password)
            throws IOException, InterruptedException {
        FormBrowser browser = new FormBrowser().open(keycloakBaseUrl + "/realms/" + realm
                + "/protocol/openid-connect/auth?client_id=" + SsprResetRealm.CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + SsprResetRealm.REDIRECT_URI);
        return browser.submit(Map.of("username", username, "password", password));
    }

    /** Whether the browser is back at the app with an authorization code: signed in. */
    public static boolean signedIn(FormBrowser browser) {
        return browser.url().startsWith(SsprResetRealm.REDIRECT_URI) && browser.url().contains("code=");
    }
}
