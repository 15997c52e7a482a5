package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user going through "Forgot password?" on the real pages: what they see (page title, fields, messages) and what
 * they post. The CAPTCHA is solved the way the widget does it.
 */
public final class ResetJourney {

    public static final String CAPTCHA_FIELD = "sspr-captcha";

    private final FormBrowser browser;
    private final String realmUrl;
    private String redirectUri = SsprResetRealm.REDIRECT_URI;

    public ResetJourney(String keycloakBaseUrl, String realm) {
        this(keycloakBaseUrl, realm, null);
    }

    /** A journey from its own client address, passed on as a reverse proxy does: see {@link FormBrowser#FormBrowser(String)}. */
    public ResetJourney(String keycloakBaseUrl, String realm, String clientAddress) {
        this.browser = new FormBrowser(clientAddress);
        this.realmUrl = keycloakBaseUrl + "/realms/" + realm;
    }

    /** The app's redirect URI, when the realm's test app is registered with another one than the usual. */
    public ResetJourney returningTo(String uri) {
        redirectUri = uri;
        return this;
    }

    /** Sends the next requests to another node of a cluster on the same host ({@link FormBrowser#via}). */
    public ResetJourney via(int port) {
        browser.via(port);
        return this;
    }

    /** The login page of the test app, then its "Forgot Password?" link. */
    public ResetJourney start() throws IOException, InterruptedException {
        browser.open(realmUrl + "/protocol/openid-connect/auth?client_id=" + SsprResetRealm.CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + redirectUri);
        browser.clickLink("Forgot Password?");
        return this;
    }

    /** As {@link #start()}, with the pages in {@code locale} ({@code ui_locales}, as an app asks for a language). */
    public ResetJourney startIn(String locale) throws IOException, InterruptedException {
        browser.open(realmUrl + "/protocol/openid-connect/auth?client_id=" + SsprResetRealm.CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + redirectUri + "&ui_locales=" + locale);
        browser.clickLinkTo("/login-actions/reset-credentials");
        return this;
    }

    public ResetJourney chooseAccount(String username) throws IOException, InterruptedException {
        return submit(Map.of("username", username, CAPTCHA_FIELD, AltchaSolver.solve(AltchaSolver.challengeOf(browser.html()))));
    }

    public ResetJourney selectMethod(String methodId) throws IOException, InterruptedException {
        return submit(Map.of("method", methodId));
    }

    public ResetJourney enterCode(String code) throws IOException, InterruptedException {
        return submit(Map.of("code", code));
    }

    public ResetJourney answer(List<String> answers) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            fields.put("answer-" + (i + 1), answers.get(i));
        }
        return submit(fields);
    }

    public ResetJourney chooseOtherMethod() throws IOException, InterruptedException {
        return submit(Map.of("back", ""));
    }

    public ResetJourney choose(String unlockOrReset) throws IOException, InterruptedException {
        return submit(Map.of("choice", unlockOrReset));
    }

    public ResetJourney setNewPassword(String password) throws IOException, InterruptedException {
        return submit(Map.of("password-new", password, "password-confirm", password));
    }

    public ResetJourney submit(Map<String, String> fields) throws IOException, InterruptedException {
        browser.submit(fields);
        return this;
    }

    /** Reloads the current page, as F5 does (a GET of the same URL). */
    public ResetJourney refresh() throws IOException, InterruptedException {
        browser.open(browser.url());
        return this;
    }

    public String pageTitle() {
        String sspr = browser.textOf("sspr-page-title");
        return sspr.isEmpty() ? browser.textOf("kc-page-title") : sspr;
    }

    public List<String> fieldNames() {
        return browser.fieldNames();
    }

    public String html() {
        return browser.html();
    }

    public String url() {
        return browser.url();
    }

    public FormBrowser browser() {
        return browser;
    }

    /** The instruction text with the masked destination, e.g. "We texted a code to +49 ••• •• 78". */
    public String instruction() {
        return browser.textOf("sspr-instruction");
    }

    /** The question texts shown, in the order of the answer fields. */
    public List<String> askedQuestions() {
        return Pattern.compile("<label[^>]*for=\"answer-\\d\"[^>]*>\\s*<span[^>]*>\\s*([^<]+?)\\s*<")
                .matcher(html()).results().map(m -> m.group(1).strip()).toList();
    }

    public boolean signedIn() {
        return browser.url().startsWith(SsprResetRealm.REDIRECT_URI) && browser.url().contains("code=");
    }
}
