package io.github.keycloaksspr.requiredactions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.SsprMethod;
import org.keycloak.models.UserModel;

/**
 * What a user has registered, measured against the reset policy: distinct factors (an SMS and a call to the same
 * phone count once), administrators need two and never count security questions. Reads only the user's own data.
 */
final class SecurityInfo {

    private final boolean inScope;
    private final int required;
    private final Set<Factor> factors;

    private SecurityInfo(boolean inScope, int required, Set<Factor> factors) {
        this.inScope = inScope;
        this.required = required;
        this.factors = factors;
    }

    /** For tests: a user in scope with these registered factors against {@code required}. */
    static SecurityInfo inScope(int required, Set<Factor> factors) {
        return new SecurityInfo(true, required, new LinkedHashSet<>(factors));
    }

    static SecurityInfo of(MethodContext context, UserModel user) {
        ResetAudience audience = new ResetAudience(context.session(), context.realm(), context.policy());
        if (!audience.inScope(user)) {
            return new SecurityInfo(false, 0, Set.of());
        }
        boolean administrator = audience.isAdministrator(user);
        List<SsprMethod> usable = MethodCatalogue.of().usableFor(context, user, administrator);
        Set<Factor> factors = new LinkedHashSet<>();
        usable.forEach(m -> factors.add(m.factorFor(context, user)));
        return new SecurityInfo(true, context.policy().methodsRequiredFor(administrator), factors);
    }

    boolean inScope() {
        return inScope;
    }

    int required() {
        return required;
    }

    Set<Factor> factors() {
        return Set.copyOf(factors);
    }

    int registered() {
        return factors.size();
    }

    /** Too few methods: only in scope users can be short. */
    boolean missing() {
        return inScope && factors.size() < required;
    }

    /** Whether removing the last credential behind {@code factor} would leave the user below the required count. */
    boolean removalLeavesTooFew(Factor factor) {
        int after = factors.contains(factor) ? factors.size() - 1 : factors.size();
        return inScope && after < required;
    }
}
