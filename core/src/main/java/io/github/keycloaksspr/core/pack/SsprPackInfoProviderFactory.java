package io.github.keycloaksspr.core.pack;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Reports the pack's version in the admin console's server info. */
public final class SsprPackInfoProviderFactory implements SsprPackProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "sspr-pack";

    private final SsprBuildInfo buildInfo = SsprBuildInfo.load();

    @Override
    public SsprPackProvider create(KeycloakSession session) {
        return new SsprPackProvider();
    }

    @Override
    public void init(Config.Scope config) {
        // no options yet
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of(
                "version", buildInfo.version(),
                "keycloak-api-version", buildInfo.keycloakApiVersion());
    }
}
