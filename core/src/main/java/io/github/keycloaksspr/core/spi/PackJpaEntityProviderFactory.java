package io.github.keycloaksspr.core.spi;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers a module's JPA entities and their Liquibase changelog with Keycloak's JPA store (Keycloak keeps each
 * provider's history in a table of its own, {@code DATABASECHANGELOG_<ID>}). Stateless: the factory is its provider.
 */
public abstract class PackJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    private final String id;
    private final String changelog;
    private final List<Class<?>> entities;

    protected PackJpaEntityProviderFactory(String id, String changelog, List<Class<?>> entities) {
        this.id = id;
        this.changelog = changelog;
        this.entities = List.copyOf(entities);
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return entities;
    }

    @Override
    public String getChangelogLocation() {
        return changelog;
    }

    @Override
    public String getFactoryId() {
        return id;
    }

    @Override
    public String getId() {
        return id;
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
}
