package io.github.keycloaksspr.core.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.keycloaksspr.core.policy.SsprMethodIds;
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

    /** What a reset offers this user: {@link #usableFor}, and a Temporary Access Pass if the user holds a live one. */
    public List<SsprMethod> usableForReset(MethodContext context, UserModel user, boolean administrator) {
        List<SsprMethod> methods = new ArrayList<>(usableFor(context, user, administrator));
        find(context, SsprMethodIds.TEMPORARY_ACCESS_PASS).filter(m -> m.isRegistered(context, user))
                .ifPresent(methods::add);
        return methods;
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
