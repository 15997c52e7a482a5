package io.github.keycloaksspr.core.method;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.UserModel;

/** The policy's methods, looked up through the {@code sspr-method} SPI, in the order the admin listed them. */
public final class MethodCatalogue {

    private MethodCatalogue() {
    }

    public static MethodCatalogue of() {
        return new MethodCatalogue();
    }

    public Optional<SsprMethod> find(MethodContext context, String id) {
        return Optional.ofNullable(context.session().getProvider(SsprMethod.class, id));
    }

    /** Methods this user could use now: enabled by policy, allowed for the user's role, available, registered. */
    public List<SsprMethod> usableFor(MethodContext context, UserModel user, boolean administrator) {
        return context.policy().methodsFor(administrator).stream()
                .map(id -> context.session().getProvider(SsprMethod.class, id))
                .filter(Objects::nonNull)
                .filter(m -> !administrator || m.allowedForAdmins())
                .filter(m -> m.isAvailable(context))
                .filter(m -> m.isRegistered(context, user))
                .toList();
    }

    /** Every method the policy enables for ordinary users and the server can run: what a stand-in may have. */
    public List<SsprMethod> enabledForUsers(MethodContext context) {
        return context.policy().methodsFor(false).stream()
                .map(id -> context.session().getProvider(SsprMethod.class, id))
                .filter(Objects::nonNull)
                .filter(m -> m.isAvailable(context))
                .toList();
    }
}
