package io.github.keycloaksspr.core.budget;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;

/**
 * The three budgets every code send must fit: per destination, per user, per client address.
 * <p>
 * Slots cannot be given back, so the checks run in a fixed order and stop at the first refusal:
 * destination, then user, then client address. A send refused by a later budget has still used a unit
 * of the earlier ones. That errs towards fewer sends, which is the safe side; the order puts first the
 * budget that protects a third party (the owner of the phone or inbox), whose unit is the one most
 * worth spending on a refused attempt.
 */
public final class SendBudgets {

    private final SendBudget budget;

    public SendBudgets(SendBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public static SendBudgets of(KeycloakSession session) {
        return new SendBudgets(SendBudget.of(session));
    }

    public SendDecision tryConsume(SendRequest request, SendLimits limits) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(limits, "limits");
        String realmId = request.realmId();
        if (!budget.tryConsume(BudgetKey.perDestination(realmId, request.destination()), limits.perDestination(), limits.window())) {
            return SendDecision.DESTINATION_LIMIT_REACHED;
        }
        if (!budget.tryConsume(BudgetKey.perUser(realmId, request.userId()), limits.perUser(), limits.window())) {
            return SendDecision.USER_LIMIT_REACHED;
        }
        if (!budget.tryConsume(BudgetKey.perClientIp(realmId, request.clientIp()), limits.perClientIp(), limits.window())) {
            return SendDecision.CLIENT_IP_LIMIT_REACHED;
        }
        return SendDecision.ALLOWED;
    }
}
