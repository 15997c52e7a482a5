package io.github.keycloaksspr.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version facts written into the JAR by the build (resource filtering), so they cannot drift from the POM. */
public record SsprBuildInfo(String version, String keycloakApiVersion) {

    private static final String RESOURCE = "/io/github/keycloaksspr/core/sspr-build.properties";

    public static SsprBuildInfo load() {
        try (InputStream in = SsprBuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + ": only the provider JAR carries it");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new SsprBuildInfo(properties.getProperty("version"), properties.getProperty("keycloak.api.version"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
