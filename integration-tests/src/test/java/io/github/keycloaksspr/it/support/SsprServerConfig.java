package io.github.keycloaksspr.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration every IT uses: the framework keeps a server only across test classes whose
 * config class is the same, so sharing it means one Keycloak start per {@code mvn verify}.
 */
public final class SsprServerConfig implements KeycloakServerConfig {

    /** The shaded artifact that ships, resolved from the reactor: never {@code target/classes}. */
    public static final String PROVIDER_GROUP_ID = "io.github.keycloaksspr";
    public static final String PROVIDER_ARTIFACT_ID = "keycloak-sspr";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        // The framework forwards only single log lines; the file keeps stack traces for diagnosing a failed run.
        config.log().handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE);
        return config
                .option("log-file", System.getProperty("sspr.serverLog", "target/keycloak-server.log"))
                // What the pack read from AD, in the server log of a failed run.
                .option("log-level", "INFO,io.github.keycloaksspr.ldap:debug")
                .dependency(PROVIDER_GROUP_ID, PROVIDER_ARTIFACT_ID)
                // The framework's time-offset endpoint. Deployed for every class: it is added only when the server
                // starts, and the one server is shared, whichever class happens to start it.
                .dependency("org.keycloak.testframework", "keycloak-test-framework-remote-providers")
                // The pack's counters on Keycloak's Prometheus endpoint (management port 9000, /metrics).
                .option("metrics-enabled", "true")
                // Purge expired audit rows every minute, so that AuditUpkeepIT sees it happen.
                .spiOption("events-listener", "sspr", "audit-purge-interval-minutes", "1")
                // Keycloak must trust the test AD's LDAPS certificate, as production trusts the corporate CA.
                .option("truststore-paths", SambaAd.environment().caPem().toString())
                // SMS and calls go to the Twilio API stand-in that tests register on the framework's HTTP server.
                .spiOption("sspr-phone-gateway", "sspr-twilio", "account-sid", TwilioAccount.ACCOUNT_SID)
                .spiOption("sspr-phone-gateway", "sspr-twilio", "auth-token", TwilioAccount.AUTH_TOKEN)
                .spiOption("sspr-phone-gateway", "sspr-twilio", "from-number", TwilioAccount.FROM)
                .spiOption("sspr-phone-gateway", "sspr-twilio", "api-base-url", TwilioAccount.API_BASE_URL)
                // The breached-password check asks a range-API stand-in that tests register at this path.
                .spiOption("password-policy", "sspr-breached-passwords", "api-base-url",
                        TwilioAccount.API_BASE_URL + "/pwned-passwords")
                .spiOption("password-policy", "sspr-breached-passwords", "timeout-ms", "1500");
    }
}
