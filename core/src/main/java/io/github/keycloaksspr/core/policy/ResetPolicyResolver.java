package io.github.keycloaksspr.core.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.RealmModel;

/**
 * The one way to read the realm's reset policy and the settings kept beside it. A configuration the pack cannot use
 * fails closed in the same way everywhere: the server log names the setting and what the caller does instead, the
 * flow's event records {@code invalid_policy}, and the caller gets nothing to act on.
 */
public final class ResetPolicyResolver {

    private static final Logger LOG = Logger.getLogger(ResetPolicyResolver.class);

    private ResetPolicyResolver() {
    }

    /**
     * The policy of the reset flow that contains {@code execution}.
     *
     * @param event the step's event, which records {@code invalid_policy} when the policy cannot be used
     */
    public static Optional<SsprPolicy> forFlow(RealmModel realm, AuthenticationExecutionModel execution,
                                               EventBuilder event) {
        Optional<SsprPolicy> policy = read(realm, SsprPolicyLocator.configOf(realm, execution), SsprPolicy::from,
                "every reset is refused");
        if (policy.isEmpty()) {
            SsprEvents.failure(event, SsprReasons.INVALID_POLICY);
        }
        return policy;
    }

    /**
     * The policy of the realm's reset-credentials flow, for use outside it (registration, notifications, reports).
     *
     * @param consequence what the caller does without a policy, for the log ("no notification is sent")
     */
    public static Optional<SsprPolicy> forRealm(RealmModel realm, String consequence) {
        return read(realm, SsprPolicyLocator.configOfRealm(realm), SsprPolicy::from, consequence);
    }

    /**
     * The realm's policy with some settings replaced, for previewing a change that is not made.
     *
     * @param changes settings in the config's own form (lists joined with {@link SsprPolicyKeys#LIST_SEPARATOR})
     * @throws InvalidPolicyException naming the first setting the resulting policy cannot use
     */
    public static SsprPolicy proposalForRealm(RealmModel realm, Map<String, String> changes) {
        Map<String, String> config = new HashMap<>(SsprPolicyLocator.configOfRealm(realm));
        config.putAll(changes);
        return SsprPolicy.from(config);
    }

    /** The notification switches kept in the realm's reset-policy config. */
    public static Optional<NotificationSettings> notificationsOf(RealmModel realm, String consequence) {
        return read(realm, SsprPolicyLocator.configOfRealm(realm), NotificationSettings::from, consequence);
    }

    private static <T> Optional<T> read(RealmModel realm, Map<String, String> config,
                                        Function<Map<String, String>, T> reader, String consequence) {
        try {
            return Optional.of(reader.apply(config));
        } catch (InvalidPolicyException e) {
            LOG.errorf("SSPR reset policy of realm %s is unusable, %s: %s", realm.getName(), consequence,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
