package io.github.keycloaksspr.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a user can see exists in all of the pack's languages, each a well-formed message with the English
 * placeholders, and every key the code or a template uses exists.
 */
class MessagesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/theme-resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/theme-resources/templates");
    private static final Path AUTHENTICATORS = Path.of("../authenticators/src/main/java");
    private static final Path REQUIRED_ACTIONS = Path.of("../required-actions/src/main/java");
    private static final Path CORE = Path.of("../core/src/main/java");
    private static final Path REMINDERS = Path.of("../reminders/src/main/java");
    private static final Path SCRIPTS = Path.of("src/main/resources/theme-resources/resources/sspr");
    /** A key a script (the help desk's page) shows: quoted in the script, resolved from the page's messages. */
    private static final Pattern KEY_IN_SCRIPT = Pattern.compile("\"(sspr[A-Z][A-Za-z0-9]+)\"");
    /** A string literal that is a message key: not a template attribute name (those are set with setAttribute). */
    private static final Pattern KEY_IN_CODE = Pattern.compile("(?<!setAttribute\\()\"(sspr[A-Z][A-Za-z0-9]+)\"");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("msg\\(\"(sspr[A-Z][A-Za-z0-9]+)\"");

    /** The pack's languages besides English (file suffixes; Keycloak maps the locale pt-BR to pt_BR). */
    static final java.util.List<String> TRANSLATIONS = java.util.List.of("de", "fr", "es", "it", "nl", "pt_BR", "pl", "ja");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        for (String language : TRANSLATIONS) {
            assertThat(load("messages_" + language + ".properties").stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void everyTranslationUsesTheEnglishPlaceholdersAndNoLoneApostrophe() throws IOException {
        Properties english = load("messages_en.properties");
        for (String language : TRANSLATIONS) {
            Properties translated = load("messages_" + language + ".properties");
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                assertThat(placeholders(text)).as("%s %s", language, key).isEqualTo(placeholders(english.getProperty(key)));
                // MessageFormat swallows the text after a single apostrophe: a literal one is written twice.
                assertThat(text.replace("''", "")).as("%s %s: a lone apostrophe", language, key).doesNotContain("'");
            }
        }
    }

    /**
     * The Account Console names each credential type by the message keys its metadata gives ({@code <type>-display-name},
     * {@code <type>-help-text}): every type the pack declares has both, or the console shows the raw key.
     */
    @Test
    void everyCredentialTypeHasItsAccountConsoleNameAndHelp() throws IOException {
        String declarations = Files.readString(CORE.resolve("io/github/keycloaksspr/core/credential/SsprCredentialTypes.java"));
        Matcher type = Pattern.compile("= \"(sspr-[a-z-]+)\";").matcher(declarations);
        Set<String> types = new TreeSet<>();
        while (type.find()) {
            types.add(type.group(1));
        }
        assertThat(types).contains("sspr-mobile-phone", "sspr-alternate-email", "sspr-security-questions");
        Properties english = load("messages_en.properties");
        assertThat(types).allSatisfy(t -> assertThat(english.stringPropertyNames()).as(t)
                .contains(t + "-display-name", t + "-help-text"));
    }

    @Test
    void everyKeyTheTemplatesAndAuthenticatorsUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(TEMPLATES, ".ftl", KEY_IN_TEMPLATE, used);
        collect(AUTHENTICATORS, ".java", KEY_IN_CODE, used);
        collect(REQUIRED_ACTIONS, ".java", KEY_IN_CODE, used);
        collect(CORE, ".java", KEY_IN_CODE, used);
        collect(REMINDERS, ".java", KEY_IN_CODE, used);
        collect(SCRIPTS, ".js", KEY_IN_SCRIPT, used);
        // The help desk's page builds method and credential texts from their ids.
        used.removeAll(Set.of("ssprHelpDeskMethod", "ssprHelpDeskType", "ssprHelpDeskReason"));
        // The security-info page names why a contact could not be reached: ssprUnreachable + the mark's reason.
        used.addAll(Set.of("ssprUnreachableInvalidNumber", "ssprUnreachableNotMobile", "ssprUnreachableUnreachable",
                "ssprUnreachableUnsubscribed", "ssprUnreachableMailboxRefused"));
        used.addAll(Set.of("ssprHelpDeskReasonUserDisabled", "ssprHelpDeskReasonOutOfScope",
                "ssprHelpDeskReasonNotRegistered", "ssprHelpDeskReasonGuestAccount"));
        used.addAll(Set.of("ssprHelpDeskMethodSms", "ssprHelpDeskMethodVoice", "ssprHelpDeskMethodEmail",
                "ssprHelpDeskMethodAccountEmail", "ssprHelpDeskMethodTotp", "ssprHelpDeskMethodOfficePhone",
                "ssprHelpDeskMethodPasskey", "ssprHelpDeskMethodQuestions", "ssprHelpDeskMethodTemporaryAccessPass",
                "ssprHelpDeskTypeMobilePhone", "ssprHelpDeskTypeAlternateEmail", "ssprHelpDeskTypeSecurityQuestions",
                "ssprHelpDeskTypeOtp", "ssprHelpDeskTypeWebauthn", "ssprHelpDeskTypeWebauthnPasswordless"));
        // "ssprMethod" is the prefix MethodPages builds method labels from; the labels themselves are listed below.
        used.remove("ssprMethod");
        // Attributes the notices hand to their templates, not message keys.
        used.removeAll(Set.of("ssprBrowser", "ssprChange", "ssprIp", "ssprKind", "ssprMethodKey", "ssprTime", "ssprUsername",
                "ssprSignedIn", "ssprAccountUrl", "ssprResetUrl"));
        // The security-info notice builds its text's key from the change, the help desk's from the notice's kind.
        used.remove("ssprNoticeInfo");
        used.removeAll(Set.of("ssprNoticeHelpDesk", "ssprNoticePass"));
        used.addAll(Set.of("ssprNoticeHelpDeskSubject", "ssprNoticeHelpDeskText", "ssprNoticePassSubject",
                "ssprNoticePassText"));
        used.addAll(Set.of("ssprNoticeInfoAddedText", "ssprNoticeInfoAddedHtml", "ssprNoticeInfoRemovedText",
                "ssprNoticeInfoRemovedHtml", "ssprNoticeInfoRegisteringAgainText", "ssprNoticeInfoRegisteringAgainHtml",
                "ssprMethodAccountEmailLabel"));
        used.addAll(Set.of("ssprMethodEmailLabel", "ssprMethodSmsLabel", "ssprMethodVoiceLabel",
                "ssprMethodOfficePhoneLabel", "ssprMethodTotpLabel", "ssprMethodPasskeyLabel", "ssprMethodQuestionsLabel"));
        // Each answer page's title, built from its label key by MethodPages.titleKey.
        used.addAll(Set.of("ssprMethodEmailTitle", "ssprMethodSmsTitle", "ssprMethodVoiceTitle",
                "ssprMethodOfficePhoneTitle", "ssprMethodTotpTitle", "ssprMethodPasskeyTitle", "ssprMethodQuestionsTitle",
                "ssprMethodAccountEmailTitle", "ssprMethodTemporaryAccessPassLabel", "ssprMethodTemporaryAccessPassTitle"));
        assertThat(used).contains("ssprHelpDeskErrorCeilingAgentCodes", "ssprHelpDeskVerified", "ssprEndNotVerified", "ssprChooseAccountTitle", "ssprRegisterRemoveRefused",
                "ssprAdPasswordTooShort", "ssprDirectoryTimeout");
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(used).allSatisfy(key -> assertThat(english).as("messages_en.properties").contains(key));
    }

    @Test
    void everyMessageIsAValidMessageFormat() throws IOException {
        java.util.List<String> files = new java.util.ArrayList<>(java.util.List.of("messages_en.properties"));
        TRANSLATIONS.forEach(language -> files.add("messages_" + language + ".properties"));
        for (String file : files) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                new MessageFormat(messages.getProperty(key));
            }
        }
    }

    @Test
    void theMinimumAgeSaysHourOrHours() throws IOException {
        String english = load("messages_en.properties").getProperty("ssprAdPasswordMinimumAge");
        assertThat(new MessageFormat(english, Locale.ENGLISH).format(new Object[] {1L})).contains("again 1 hour after");
        assertThat(new MessageFormat(english, Locale.ENGLISH).format(new Object[] {24L})).contains("again 24 hours after");
        String german = load("messages_de.properties").getProperty("ssprAdPasswordMinimumAge");
        assertThat(new MessageFormat(german, Locale.GERMAN).format(new Object[] {1L})).contains("erst 1 Stunde nach");
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> keys) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            numbers.add(placeholder.group(1));
        }
        return numbers;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
