package io.github.keycloaksspr.helpdesk;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts {@link HelpDeskResource} at {@code /realms/{realm}/}{@value #PROVIDER_ID}, and gives every realm the agent
 * role and the page's client: new realms when they are created, existing ones at start-up.
 */
public final class HelpDeskResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "sspr-helpdesk";

    private static final Logger LOG = Logger.getLogger(HelpDeskResourceProviderFactory.class);

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new HelpDeskResource(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                HelpDeskRole.ensureIn(created.getCreatedRealm());
                HelpDeskClient.ensureIn(created.getKeycloakSession(), created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent migrated) {
                giveEveryRealmTheRole(migrated.getFactory());
            }
        });
    }

    /** A start-up never fails for it: another node starting at once may create the same role first. */
    private static void giveEveryRealmTheRole(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory,
                    session -> session.realms().getRealmsStream().forEach(realm -> {
                        HelpDeskRole.ensureIn(realm);
                        HelpDeskClient.ensureIn(session, realm);
                    }));
        } catch (RuntimeException e) {
            LOG.warnf("SSPR help desk: the role %s and the client %s could not be added to every realm now (%s); "
                    + "they are added to realms created from now on, or by a realm import", HelpDeskRole.NAME,
                    HelpDeskClient.CLIENT_ID, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
