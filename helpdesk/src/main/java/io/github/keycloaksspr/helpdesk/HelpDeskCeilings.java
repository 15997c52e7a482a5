package io.github.keycloaksspr.helpdesk;

import java.time.Duration;
import java.util.Optional;

import io.github.keycloaksspr.core.budget.BudgetKey;
import io.github.keycloaksspr.core.budget.SendBudget;
import io.github.keycloaksspr.core.events.HelpDeskEvents.Ceiling;
import io.github.keycloaksspr.core.keys.SubjectHasher;
import io.github.keycloaksspr.core.policy.HelpDeskLimits;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The help desk's hourly ceilings on codes sent and passes issued, per agent and per realm, in the cluster's
 * single-use store (atomic on every node). The agent's own ceiling is charged first: an agent who reached it has
 * taken nothing from the realm's, so that one busy or misused agent account does not stop the rest of the help desk.
 */
final class HelpDeskCeilings {

    static final Duration WINDOW = Duration.ofHours(1);

    private final SendBudget budget;
    private final SubjectHasher hasher;
    private final RealmModel realm;
    private final HelpDeskLimits limits;
    private final UserModel agent;

    HelpDeskCeilings(KeycloakSession session, RealmModel realm, HelpDeskLimits limits, UserModel agent) {
        this.budget = SendBudget.of(session);
        this.hasher = SubjectHasher.forRealm(session, realm);
        this.realm = realm;
        this.limits = limits;
        this.agent = agent;
    }

    /** Takes one code from the agent's and the realm's ceilings; the ceiling reached, if any (then none is taken). */
    Optional<Ceiling> chargeCode() {
        return charge(Ceiling.AGENT_CODES, limits.codesPerAgent(), Ceiling.REALM_CODES, limits.codesPerRealm());
    }

    /** Takes one pass from the agent's and the realm's ceilings; the ceiling reached, if any. */
    Optional<Ceiling> chargePass() {
        return charge(Ceiling.AGENT_PASSES, limits.passesPerAgent(), Ceiling.REALM_PASSES, limits.passesPerRealm());
    }

    private Optional<Ceiling> charge(Ceiling agentCeiling, int agentLimit, Ceiling realmCeiling, int realmLimit) {
        if (!budget.tryConsume(key(agentCeiling, agent.getId()), agentLimit, WINDOW)) {
            return Optional.of(agentCeiling);
        }
        if (!budget.tryConsumeShared(key(realmCeiling, realm.getId()), realmLimit, WINDOW)) {
            return Optional.of(realmCeiling);
        }
        return Optional.empty();
    }

    private BudgetKey key(Ceiling ceiling, String subject) {
        return BudgetKey.of(hasher, "helpdesk-" + ceiling.id(), realm.getId(), subject);
    }
}
