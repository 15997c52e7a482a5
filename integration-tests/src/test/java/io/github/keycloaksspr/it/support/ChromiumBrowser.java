package io.github.keycloaksspr.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A headless Chromium with a virtual platform authenticator (a passkey store that answers WebAuthn requests at once,
 * user verified): HtmlUnit cannot do WebAuthn. It walks Keycloak's real pages, scripts and all: the ALTCHA widget
 * solves its challenge and the passkey page's script asks the authenticator. It also checks a page with axe-core,
 * is driven by the keyboard alone, and takes screenshots.
 */
public final class ChromiumBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final VirtualAuthenticator authenticator;
    private final String realmUrl;

    private ChromiumBrowser(ChromeDriver driver, String realmUrl) {
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

    public static ChromiumBrowser open(String keycloakBaseUrl, String realm) {
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
        return new ChromiumBrowser(new ChromeDriver(service.build(), options), keycloakBaseUrl + "/realms/" + realm);
    }

    public VirtualAuthenticator authenticator() {
        return authenticator;
    }

    /** Signs in with a password and completes Keycloak's own passkey registration page (a required action). */
    public ChromiumBrowser signInAndRegisterPasskey(String username, String password, String label) {
        signIn(username, password);
        registerPasskey(label);
        new WebDriverWait(driver, WAIT).until(d -> signedIn());
        return this;
    }

    /** The login page of the test app: username and password; returns on the page that follows. */
    public ChromiumBrowser signIn(String username, String password) {
        driver.get(authUrl());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWaitForNextPage(By.id("kc-login"));
        return this;
    }

    /** On Keycloak's own passkey registration page: registers with the virtual authenticator, waits to leave it. */
    public ChromiumBrowser registerPasskey(String label) {
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
    public ChromiumBrowser press(String buttonId) {
        clickAndWaitForNextPage(By.id(buttonId));
        return this;
    }

    /** Opens {@code url} afresh: no cookies of an earlier visit. */
    public ChromiumBrowser visit(String url) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(url);
        return this;
    }

    /** Waits until the element with this id is shown (a script page's next step). */
    public ChromiumBrowser awaitShown(String id) {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed));
        return this;
    }

    /** Waits until the element with this id shows text containing {@code words}. */
    public ChromiumBrowser awaitText(String id, String words) {
        new WebDriverWait(driver, WAIT).until(d -> textOf(id).contains(words));
        return this;
    }

    /** The text of the element with this id, or "" when there is none. */
    public String textOf(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    /** A new visit without the session cookies of an earlier sign-in: the login page, then "Forgot Password?". */
    public ChromiumBrowser startReset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(authUrl());
        clickAndWaitForNextPage(By.partialLinkText("Forgot"));
        return this;
    }

    /** Types the account, waits for the ALTCHA widget in the page to solve its proof of work, submits. */
    public ChromiumBrowser chooseAccount(String username) {
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

    public ChromiumBrowser selectMethod(String methodId) {
        driver.findElement(By.id("sspr-method-" + methodId)).click();
        clickAndWaitForNextPage(By.id("kc-form-buttons"));
        return this;
    }

    /** Presses the passkey button: the page's script asks the authenticator and posts its answer. */
    public ChromiumBrowser usePasskey() {
        clickAndWaitForNextPage(By.id("sspr-passkey-start"));
        return this;
    }

    /** Replaces the page's challenge before the browser signs it: what a replayed or forged page would carry. */
    public ChromiumBrowser forgeChallenge() {
        driver.executeScript("document.getElementById('sspr-passkey-start').dataset.ssprChallenge = arguments[0];",
                base64Url(new SecureRandom().generateSeed(32)));
        return this;
    }

    public ChromiumBrowser enterCode(String code) {
        driver.findElement(By.id("code")).sendKeys(code);
        clickAndWaitForNextPage(By.id("kc-form-buttons"));
        return this;
    }

    public ChromiumBrowser setNewPassword(String password) {
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

    /** The login page of the test app in {@code locale}, then "Forgot Password?" (found by its address). */
    public ChromiumBrowser startResetIn(String locale) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(authUrl() + "&ui_locales=" + locale);
        clickAndWaitForNextPage(By.cssSelector("a[href*='/login-actions/reset-credentials']"));
        return this;
    }

    /** A fresh sign-in (no earlier cookies) with the pages in {@code locale}; returns on the page that follows. */
    public ChromiumBrowser signInIn(String locale, String username, String password) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(authUrl() + "&ui_locales=" + locale);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWaitForNextPage(By.id("kc-login"));
        return this;
    }

    /**
     * axe-core's WCAG 2.1 A/AA violations of the current page ({@code axeSource}: the axe.min.js script), each as
     * "impact rule-id (n nodes): help".
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations(String axeSource, String... impacts) {
        driver.executeScript(axeSource);
        // Keycloak 26.7's keycloak.v2 layout labels its read-only "attempted user name" field with for="username"
        // while the field's id is kc-attempted-username: a defect of Keycloak's own template, on every page that
        // shows the user (its password pages too), which the pack cannot change. Everything else is checked.
        String json = (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run({exclude: [['#kc-attempted-username']]}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({impact: v.impact, id: v.id,"
                + " nodes: v.nodes.length, help: v.help, target: v.nodes.map(n => n.target.join(' ')).join(', ')})))),"
                + " e => done(JSON.stringify([{impact: 'critical', id: 'axe-error', nodes: 0, help: String(e)}])));");
        List<Map<String, Object>> violations;
        try {
            violations = new ObjectMapper().readValue(json, List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> wanted = List.of(impacts);
        return violations.stream().filter(v -> wanted.isEmpty() || wanted.contains(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + " (" + v.get("nodes") + " nodes: " + v.get("target")
                        + "): " + v.get("help"))
                .toList();
    }

    /** Types {@code keys} into whatever has the focus, as a keyboard does. */
    public ChromiumBrowser type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Types {@code keys} and waits for the next page (the last key submits). */
    public ChromiumBrowser typeAndWaitForNextPage(CharSequence... keys) {
        WebElement page = driver.findElement(By.tagName("html"));
        type(keys);
        new WebDriverWait(driver, WAIT).until((Function<WebDriver, Boolean>) d -> ExpectedConditions.stalenessOf(page).apply(d));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Moves the focus to {@code id} as a keyboard user does: it has the focus already (the page's autofocus) or gets
     * it by Tab, at most {@code presses} times. Headless Chromium does not always apply autofocus in time, so this
     * does not insist on it.
     */
    public ChromiumBrowser tabTo(String id, int presses) {
        for (int n = 0; n < presses && !focused().equals(id); n++) {
            type(Keys.TAB);
        }
        String focused = focused();
        if (!focused.equals(id)) {
            throw new AssertionError(id + " not reached with " + presses + " presses of Tab (the focus is on " + focused
                    + ")");
        }
        return this;
    }

    /** The id (or tag name) of the focused element, once the page has moved the focus off the body (autofocus). */
    public String focused() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(2)).until(d -> {
                WebElement active = d.switchTo().activeElement();
                return !"body".equals(active.getTagName());
            });
        } catch (TimeoutException e) {
            // Nothing took the focus: the body has it.
        }
        WebElement active = driver.switchTo().activeElement();
        String id = active.getDomAttribute("id");
        return id == null || id.isEmpty() ? active.getTagName() : id;
    }

    /** Waits until the ALTCHA widget has solved its challenge (the hidden solution field has a value). */
    public ChromiumBrowser awaitCaptcha() {
        new WebDriverWait(driver, WAIT).until(d -> !captchaSolution().isEmpty());
        return this;
    }

    /** A PNG of the whole page (as wide as the window, as tall as the content). */
    public void screenshot(Path png) {
        try {
            Files.createDirectories(png.getParent());
            Object height = driver.executeScript("return Math.max(document.documentElement.scrollHeight, 120);");
            driver.manage().window().setSize(new Dimension(900, ((Number) height).intValue() + 40));
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1280, 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows {@code html} (an email, say) as a page of its own. */
    public ChromiumBrowser show(String html) {
        driver.get("data:text/html;charset=utf-8;base64," + Base64.getEncoder()
                .encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        return this;
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
