package io.github.keycloaksspr.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the artifact that ships, not the classes it was built from: what Keycloak will load from {@code providers/}.
 */
class ShippedJarIT {

    private static final String OUR_PACKAGE = "io/github/keycloaksspr/";
    private static final String SHADED = OUR_PACKAGE + "shaded/";
    private static final int JAVA_17_CLASS_MAJOR = 61;

    private static JarFile jar;

    @BeforeAll
    static void openJar() throws IOException {
        Path path = Path.of(System.getProperty("sspr.providerJar"));
        assertThat(path.getFileName().toString()).isEqualTo("keycloak-sspr-" + System.getProperty("sspr.version") + ".jar");
        jar = new JarFile(path.toFile());
    }

    @AfterAll
    static void closeJar() throws IOException {
        jar.close();
    }

    private static List<String> entryNames() {
        return jar.stream().map(ZipEntry::getName).toList();
    }

    @Test
    void bundlesNothingKeycloakAlreadyShips() {
        assertThat(entryNames())
                .noneMatch(name -> name.startsWith("org/keycloak/"))
                .noneMatch(name -> name.startsWith("com/fasterxml/"))
                .noneMatch(name -> name.startsWith("freemarker/"))
                .noneMatch(name -> name.startsWith("org/slf4j/"))
                .noneMatch(name -> name.startsWith("org/jboss/"))
                .noneMatch(name -> name.startsWith("jakarta/"));
    }

    @Test
    void everyClassLivesInOurNamespaceSoThirdPartyCodeIsRelocated() {
        assertThat(entryNames().stream().filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class")))
                .isNotEmpty()
                .allMatch(name -> name.startsWith(OUR_PACKAGE) || name.startsWith("META-INF/versions/"));
        assertThat(jar.getEntry(SHADED + "com/twilio/Twilio.class")).as("Twilio SDK relocated").isNotNull();
        assertThat(jar.getEntry(SHADED + "org/apache/hc/client5/http/classic/HttpClient.class"))
                .as("httpclient5 relocated").isNotNull();
        assertThat(jar.getEntry(SHADED + "org/altcha/altcha/Altcha.class")).as("ALTCHA relocated").isNotNull();
        assertThat(jar.getEntry(SHADED + "org/json/JSONObject.class")).as("org.json relocated").isNotNull();
        assertThat(jar.getEntry(SHADED + "net/tirasa/adsddl/ntsd/SDDL.class")).as("adsddl relocated").isNotNull();
        assertThat(jar.getEntry(SHADED + "com/google/i18n/phonenumbers/PhoneNumberUtil.class"))
                .as("libphonenumber relocated").isNotNull();
        assertThat(entryNames()).as("libphonenumber's numbering plans move with its classes")
                .anyMatch(name -> name.startsWith(SHADED + "com/google/i18n/phonenumbers/data/"))
                .noneMatch(name -> name.startsWith("com/google/"));
    }

    @Test
    void servesTheCaptchaWidgetAndTheResetPagesFromTheTheme() {
        assertThat(jar.getEntry("theme-resources/resources/sspr/altcha/altcha.min.js")).isNotNull();
        assertThat(jar.getEntry("theme-resources/resources/sspr/altcha/LICENSE.txt")).isNotNull();
        assertThat(entryNames()).contains(
                "theme-resources/templates/sspr-choose-account.ftl",
                "theme-resources/templates/sspr-select-method.ftl",
                "theme-resources/templates/sspr-verify-method.ftl",
                "theme-resources/templates/sspr-unlock-or-reset.ftl",
                "theme-resources/templates/html/sspr-code.ftl",
                "theme-resources/templates/text/sspr-code.ftl",
                "theme-resources/messages/messages_en.properties",
                "theme-resources/messages/messages_de.properties");
    }

    @Test
    void carriesTheCommonPasswordListWithItsLicenceButNoZxcvbnClass() throws IOException {
        assertThat(jar.getEntry("io/github/keycloaksspr/passwordpolicy/passwords.txt")).as("the global list").isNotNull();
        assertThat(jar.getEntry("io/github/keycloaksspr/passwordpolicy/passwords.NOTICE.txt")).isNotNull();
        assertThat(entryNames()).noneMatch(name -> name.contains("nulabinc"));
        assertThat(read("META-INF/services/org.keycloak.policy.PasswordPolicyProviderFactory"))
                .contains("BannedPasswordsPolicyProviderFactory", "BreachedPasswordsPolicyProviderFactory");
    }

    @Test
    void carriesNoSignatureFilesThatWouldBreakLoading() {
        assertThat(entryNames()).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
    }

    @Test
    void hasBeansXmlSoKeycloakServesItsRestResources() {
        assertThat(jar.getEntry("META-INF/beans.xml")).isNotNull();
    }

    @Test
    void mergedServiceFilesNameOnlyClassesThatExist() throws IOException {
        String spis = read("META-INF/services/org.keycloak.provider.Spi");
        assertThat(spis).contains("io.github.keycloaksspr.core.pack.SsprPackSpi");
        assertThat(read("META-INF/services/io.github.keycloaksspr.core.pack.SsprPackProviderFactory"))
                .contains("io.github.keycloaksspr.core.pack.SsprPackInfoProviderFactory");

        List<String> serviceFiles = entryNames().stream()
                .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/")).toList();
        for (String serviceFile : serviceFiles) {
            read(serviceFile).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(implementation -> assertThat(jar.getEntry(implementation.replace('.', '/') + ".class"))
                            .as("%s names %s", serviceFile, implementation).isNotNull());
        }
    }

    @Test
    void reportsItsVersionFromTheBuild() throws IOException {
        assertThat(read("io/github/keycloaksspr/core/sspr-build.properties"))
                .contains("version=" + System.getProperty("sspr.version"))
                .contains("keycloak.api.version=26.7.0");
    }

    @Test
    void runsOnJava17() throws IOException {
        for (String name : entryNames()) {
            if (name.endsWith(".class") && !name.startsWith("META-INF/versions/")) {
                assertThat(classMajorVersion(name)).as(name).isLessThanOrEqualTo(JAVA_17_CLASS_MAJOR);
            }
        }
    }

    private static int classMajorVersion(String name) throws IOException {
        try (DataInputStream in = new DataInputStream(jar.getInputStream(jar.getEntry(name)))) {
            in.readInt();
            in.readUnsignedShort();
            return in.readUnsignedShort();
        }
    }

    private static String read(String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
