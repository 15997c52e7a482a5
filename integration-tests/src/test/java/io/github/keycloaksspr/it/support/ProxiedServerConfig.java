package io.github.keycloaksspr.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * {@link SsprServerConfig} as production runs it: behind a reverse proxy (the server takes the client address from
 * {@code X-Forwarded-For}, {@code proxy-headers=xforwarded}) and with themes and templates cached.
 * <p>
 * For benchmarks that play many users: every request of the test JVM comes from 127.0.0.1, and the per-address send
 * budget (at most 100 codes per window, one reset sends two) and attempt ledger (at most 100 wrong answers per window)
 * would stop a run after 50 resets or 100 wrong codes. Each simulated user sends its own address instead
 * ({@link FormBrowser#FormBrowser(String)}, {@link ClientAddresses}). A class of its own so that the integration
 * tests' server keeps trusting only the socket address; the framework restarts the server when the next test class
 * asks for the other config.
 */
public final class ProxiedServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        // The test framework starts Keycloak in dev mode, which re-reads and re-parses every template and message
        // file per page (measured: 60 % of a step's CPU). Production caches them; so do the benchmarks.
        return new SsprServerConfig().configure(config).option("proxy-headers", "xforwarded")
                .option("spi-theme--cache-themes", "true")
                .option("spi-theme--cache-templates", "true");
    }
}
