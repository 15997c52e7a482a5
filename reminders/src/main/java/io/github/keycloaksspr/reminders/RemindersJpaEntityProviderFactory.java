package io.github.keycloaksspr.reminders;

import java.util.List;

import io.github.keycloaksspr.core.spi.PackJpaEntityProviderFactory;

/** Registers {@link SentReminderEntity} and its changelog with Keycloak's JPA store: provider {@value #PROVIDER_ID}. */
public final class RemindersJpaEntityProviderFactory extends PackJpaEntityProviderFactory {

    public static final String PROVIDER_ID = "sspr-reminders";

    public RemindersJpaEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/sspr-reminders-changelog.xml", List.of(SentReminderEntity.class));
    }
}
