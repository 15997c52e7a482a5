package io.github.keycloaksspr.audit.trail;

import java.util.List;

import io.github.keycloaksspr.core.spi.PackJpaEntityProviderFactory;

/** Registers {@link AuditEntity} and its Liquibase changelog with Keycloak's JPA store: provider {@value #PROVIDER_ID}. */
public final class AuditJpaEntityProviderFactory extends PackJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "sspr-audit";
    static final String CHANGELOG = "META-INF/sspr-audit-changelog.xml";

    public AuditJpaEntityProviderFactory() {
        super(PROVIDER_ID, CHANGELOG, List.of(AuditEntity.class));
    }
}
