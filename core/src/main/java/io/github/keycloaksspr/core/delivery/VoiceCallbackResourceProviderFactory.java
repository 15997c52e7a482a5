package io.github.keycloaksspr.core.delivery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/sspr-voice/}: where the phone carrier fetches what a call says after a keypress. */
public final class VoiceCallbackResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "sspr-voice";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new VoiceCallbackResource(session);
    }

    @Override
    public void init(Config.Scope config) {
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
}
