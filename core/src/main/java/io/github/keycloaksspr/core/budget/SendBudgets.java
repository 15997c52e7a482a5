package io.github.keycloaksspr.core.budget;

import java.time.Duration;
import java.util.Objects;

import io.github.keycloaksspr.core.keys.SubjectHasher;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The budgets every code send must fit: per client address, the realm's phone ceiling, per destination, per user.
 * <p>
 * Slots cannot be given back, so the checks run in a fixed order and stop at the first refusal. The budgets that
 * bound the requester come first: a stranger whose own address has spent its budget (on made-up names, say) is
 * refused before any unit of the victim's budgets is taken, so the victim's own requests from elsewhere still get
 * their codes. A send refused by the user budget has still used a unit of the destination's; both are the victim's,
 * and erring towards fewer sends is the safe side.
 */
public final class SendBudgets {

    private final SendBudget budget;
    private final SubjectHasher hasher;

    public SendBudgets(SendBudget budget, SubjectHasher hasher) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public static SendBudgets of(KeycloakSession session, RealmModel realm) {
        return new SendBudgets(SendBudget.of(session), SubjectHasher.forRealm(session, realm));
    }

    /** Whether the realm's phone ceiling of the reset flow is reached for this window (nothing is taken). */
    public boolean resetPhonesPaused(String realmId, int ceiling, Duration window) {
        return budget.isSpent(BudgetKey.realmPhone(hasher, SendFamily.RESET, realmId), ceiling, window);
    }

    public SendDecision tryConsume(SendRequest request, SendLimits limits) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(limits, "limits");
        String realmId = request.realmId();
        SendFamily family = request.family();
        if (!budget.tryConsume(BudgetKey.perClientIp(hasher, family, realmId, request.clientIp()),
                limits.perClientIp(), limits.window())) {
            return SendDecision.CLIENT_IP_LIMIT_REACHED;
        }
        if (limits.realmPhone().isPresent() && !budget.tryConsumeShared(BudgetKey.realmPhone(hasher, family, realmId),
                limits.realmPhone().getAsInt(), limits.window())) {
            return SendDecision.REALM_PHONE_LIMIT_REACHED;
        }
        if (!budget.tryConsume(BudgetKey.perDestination(hasher, family, realmId, request.destination()),
                limits.perDestination(), limits.window())) {
            return SendDecision.DESTINATION_LIMIT_REACHED;
        }
        if (!budget.tryConsume(BudgetKey.perUser(hasher, family, realmId, request.userId()), limits.perUser(),
                limits.window())) {
            return SendDecision.USER_LIMIT_REACHED;
        }
        return SendDecision.ALLOWED;
    }
}
