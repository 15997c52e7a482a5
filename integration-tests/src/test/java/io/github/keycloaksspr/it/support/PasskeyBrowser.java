package io.github.keycloaksspr.it.support;

import java.io.File;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A headless Chromium with a virtual platform authenticator (a passkey store that answers WebAuthn requests at once,
 * user verified): HtmlUnit cannot do WebAuthn. It walks Keycloak's real pages, scripts and all: the ALTCHA widget
 * solves its challenge and the passkey page's script asks the authenticator.
 */
public final class PasskeyBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final VirtualAuthenticator authenticator;
    private final String realmUrl;

    private PasskeyBrowser(ChromeDriver driver, String realmUrl) {
        this.driver = driver;
        this.realmUrl = realmUrl;
        this.authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    public static PasskeyBrowser open(String keycloakBaseUrl, String realm) {
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        File driver = new File(System.getProperty("sspr.chromedriver", "/usr/bin/chromedriver"));
        if (driver.canExecute()) {
            service.usingDriverExecutable(driver);
        }
        ChromeOptions options = new ChromeOptions();
        File chromium = new File(System.getProperty("sspr.chromium", "/usr/bin/chromium"));
        if (chromium.canExecute()) {
            options.setBinary(chromium);
        }
        // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new PasskeyBrowser(new ChromeDriver(service.build(), options), keycloakBaseUrl + "/realms/" + realm);
    }

    public VirtualAuthenticator authenticator() {
        return authenticator;
    }

    /** Signs in with a password and completes Keycloak's own passkey registration page (a required action). */
    public PasskeyBrowser signInAndRegisterPasskey(String username, String password, String label) {
        signIn(username, password);
        registerPasskey(label);
        new WebDriverWait(driver, WAIT).until(d -> signedIn());
        return this;
    }

    /** The login page of the test app: username and password; returns on the page that follows. */
    public PasskeyBrowser signIn(String username, String password) {
        driver.get(authUrl());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWaitForNextPage(By.id("kc-login"));
        return this;
    }

    /** On Keycloak's own passkey registration page: registers with the virtual authenticator, waits to leave it. */
    public PasskeyBrowser registerPasskey(String label) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("registerWebAuthn")).click();
        // Keycloak's webauthnRegister.js asks for a label with window.prompt() once the authenticator has answered.
        Alert prompt = new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(label);
        prompt.accept();
        new WebDriverWait(driver, WAIT).until((Function<WebDriver, Boolean>) d -> ExpectedConditions.stalenessOf(page).apply(d));
        return this;
    }

    /** Presses the button with this id and waits for the next page. */
    public PasskeyBrowser press(String buttonId) {
        clickAndWaitForNextPage(By.id(buttonId));
        return this;
    }

    /** The text of the element with this id, or "" when there is none. */
    public String textOf(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    /** A new visit without the session cookies of an earlier sign-in: the login page, then "Forgot Password?". */
    public PasskeyBrowser startReset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(authUrl());
        clickAndWaitForNextPage(By.partialLinkText("Forgot"));
        return this;
    }

    /** Types the account, waits for the ALTCHA widget in the page to solve its proof of work, submits. */
    public PasskeyBrowser chooseAccount(String username) {
        driver.findElement(By.id("username")).sendKeys(username);
        try {
            new WebDriverWait(driver, WAIT).until(d -> !captchaSolution().isEmpty());
        } catch (TimeoutException e) {
            StringBuilder log = new StringBuilder();
            driver.manage().logs().get("browser").forEach(entry -> log.append(entry).append('\n'));
            throw new AssertionError("CAPTCHA not solved. Console:\n" + log + "\nPage:\n" + html(), e);
        }
        clickAndWaitForNextPage(By.id("kc-form-buttons"));
        return this;
    }

    public PasskeyBrowser selectMethod(String methodId) {
        driver.findElement(By.id("sspr-method-" + methodId)).click();
        clickAndWaitForNextPage(By.id("kc-form-buttons"));
        return this;
    }

    /** Presses the passkey button: the page's script asks the authenticator and posts its answer. */
    public PasskeyBrowser usePasskey() {
        clickAndWaitForNextPage(By.id("sspr-passkey-start"));
        return this;
    }

    /** Replaces the page's challenge before the browser signs it: what a replayed or forged page would carry. */
    public PasskeyBrowser forgeChallenge() {
        driver.executeScript("document.getElementById('sspr-passkey-start').dataset.ssprChallenge = arguments[0];",
                base64Url(new SecureRandom().generateSeed(32)));
        return this;
    }

    public PasskeyBrowser enterCode(String code) {
        driver.findElement(By.id("code")).sendKeys(code);
        clickAndWaitForNextPage(By.id("kc-form-buttons"));
        return this;
    }

    public PasskeyBrowser setNewPassword(String password) {
        driver.findElement(By.id("password-new")).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        clickAndWaitForNextPage(By.id("kc-submit"));
        return this;
    }

    public String pageTitle() {
        List<WebElement> sspr = driver.findElements(By.id("sspr-page-title"));
        return sspr.isEmpty() ? driver.findElement(By.id("kc-page-title")).getText().strip() : sspr.get(0).getText().strip();
    }

    /** The names of the form fields on the page (inputs and named buttons), in page order. */
    @SuppressWarnings("unchecked")
    public List<String> fieldNames() {
        return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                + "'form input[name], form select[name], form textarea[name], form button[name]'))"
                + ".map(e => e.name).filter(n => n);");
    }

    /** A data attribute of the passkey button: what the page hands the browser's WebAuthn call. */
    public String passkeyOption(String name) {
        return driver.findElement(By.id("sspr-passkey-start")).getDomAttribute("data-sspr-" + name);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String html() {
        return driver.getPageSource();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public boolean signedIn() {
        String url = driver.getCurrentUrl();
        return url != null && url.startsWith(SsprResetRealm.REDIRECT_URI) && url.contains("code=");
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private String captchaSolution() {
        Object value = ((JavascriptExecutor) driver).executeScript(
                "const f = document.querySelector('input[name=\"" + ResetJourney.CAPTCHA_FIELD + "\"]');"
                        + " return f ? f.value : '';");
        return value == null ? "" : value.toString();
    }

    /** Clicks and waits until the browser has left the page (form posts, script submits, redirects). */
    private void clickAndWaitForNextPage(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, WAIT).until((Function<WebDriver, Boolean>) d -> ExpectedConditions.stalenessOf(page).apply(d));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String authUrl() {
        return realmUrl + "/protocol/openid-connect/auth?client_id=" + SsprResetRealm.CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + SsprResetRealm.REDIRECT_URI;
    }
}
