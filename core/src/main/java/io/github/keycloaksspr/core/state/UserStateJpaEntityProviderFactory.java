package io.github.keycloaksspr.core.state;

import java.util.List;

import io.github.keycloaksspr.core.spi.PackJpaEntityProviderFactory;
import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Registers the user-state tables with Keycloak's JPA store (provider {@value #PROVIDER_ID}); their rows go with
 * the user or realm they describe, and the attributes of older releases move into them after start-up.
 */
public final class UserStateJpaEntityProviderFactory extends PackJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "sspr-user-state";
    static final String CHANGELOG = "META-INF/sspr-user-state-changelog.xml";
    /** Keycloak's managed executor that moves the attributes of older releases after start-up. */
    static final String EXECUTOR = "sspr-user-state";

    private static final Logger LOG = Logger.getLogger(UserStateJpaEntityProviderFactory.class);

    public UserStateJpaEntityProviderFactory() {
        super(PROVIDER_ID, CHANGELOG, List.of(UserStateEntity.class, VettedCredentialEntity.class));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                UserStates.of(removed.getKeycloakSession()).forgetUser(removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                UserStates.of(removed.getKeycloakSession()).forgetRealm(removed.getRealm().getId());
            } else if (event instanceof PostMigrationEvent migrated) {
                moveLegacyState(migrated.getFactory());
            }
        });
    }

    /** In the background: a start-up never waits for it, and never fails for it. */
    private static void moveLegacyState(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR).execute(() -> moveAll(factory));
        }
    }

    private static void moveAll(KeycloakSessionFactory factory) {
        List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> session.realms().getRealmsStream().map(RealmModel::getId).toList());
        for (String realmId : realmIds) {
            int moved = 0;
            try {
                int batch;
                do {
                    batch = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                        RealmModel realm = session.realms().getRealm(realmId);
                        return realm == null ? 0 : LegacyStateSweep.sweep(session, realm, LegacyStateSweep.BATCH);
                    });
                    moved += batch;
                } while (batch == LegacyStateSweep.BATCH);
            } catch (RuntimeException e) {
                // A batch that met a user's first sign-in: the rest moves at the next start or on first use.
                LOG.warnf("SSPR: moving the user state of realm %s out of user attributes stopped after %d users: %s",
                        realmId, moved, e.getClass().getSimpleName());
            }
            if (moved > 0) {
                LOG.infof("SSPR: moved the state of %d users of realm %s out of user attributes", moved, realmId);
            }
        }
    }

}
