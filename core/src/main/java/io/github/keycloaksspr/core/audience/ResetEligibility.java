package io.github.keycloaksspr.core.audience;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.keycloaksspr.core.directory.DirectoryAccountState;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Whether a named account may go through the reset, and if not, the reason recorded for the audit trail. */
public final class ResetEligibility {

    private ResetEligibility() {
    }

    /** Empty when eligible, else the reason the reset must quietly fail. */
    public static Optional<Ineligibility> refusal(MethodContext context, UserModel user, MethodCatalogue methods) {
        if (user == null) {
            return Optional.of(Ineligibility.USER_NOT_FOUND);
        }
        if (!user.isEnabled()) {
            // Keycloak refuses every flow step for a disabled user with its own page, so only an administrator can
            // lift a permanent lockout.
            return Optional.of(Ineligibility.USER_DISABLED);
        }
        SsprPolicy policy = context.policy();
        ResetAudience audience = new ResetAudience(context.session(), context.realm(), policy);
        if (!audience.inScope(user)) {
            return Optional.of(Ineligibility.OUT_OF_SCOPE);
        }
        boolean administrator = audience.isAdministrator(user);
        Set<String> registeredFactors = methods.usableForReset(context, user, administrator).stream()
                .map(m -> m.factorFor(context, user).id()).collect(Collectors.toSet());
        if (!Factor.enough(registeredFactors, policy.methodsRequiredFor(administrator))) {
            return Optional.of(Ineligibility.NOT_REGISTERED);
        }
        return Optional.empty();
    }

    /**
     * Whether the user's directory has the account disabled (AD's ACCOUNTDISABLE); false when the user is not from a
     * directory or it cannot be asked.
     */
    public static boolean disabledInDirectory(KeycloakSession session, RealmModel realm, UserModel user) {
        DirectoryAccounts directory = session.getProvider(DirectoryAccounts.class);
        if (directory == null || user == null) {
            return false;
        }
        try {
            return directory.stateOf(realm, user).map(DirectoryAccountState::disabled).orElse(false);
        } catch (RuntimeException e) {
            // Unreachable (DirectoryUnavailableException) or not answerable: the page stays generic.
            return false;
        }
    }
}
