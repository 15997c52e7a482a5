package io.github.keycloaksspr.core.budget;

import java.time.Duration;
import java.util.Objects;

import io.github.keycloaksspr.core.keys.SubjectHasher;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

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
    private final SubjectHasher hasher;

    public SendBudgets(SendBudget budget, SubjectHasher hasher) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public static SendBudgets of(KeycloakSession session, RealmModel realm) {
        return new SendBudgets(SendBudget.of(session), SubjectHasher.forRealm(session, realm));
    }

    /** Whether the realm's phone ceiling of the reset flow is reached for this window (nothing is taken). */
    public boolean resetPhonesPaused(String realmId, Duration window) {
        return budget.isSpent(BudgetKey.realmPhone(hasher, SendFamily.RESET, realmId), window);
    }

    public SendDecision tryConsume(SendRequest request, SendLimits limits) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(limits, "limits");
        String realmId = request.realmId();
        SendFamily family = request.family();
        if (!budget.tryConsume(BudgetKey.perDestination(hasher, family, realmId, request.destination()),
                limits.perDestination(), limits.window())) {
            return SendDecision.DESTINATION_LIMIT_REACHED;
        }
        if (!budget.tryConsume(BudgetKey.perUser(hasher, family, realmId, request.userId()), limits.perUser(),
                limits.window())) {
            return SendDecision.USER_LIMIT_REACHED;
        }
        if (!budget.tryConsume(BudgetKey.perClientIp(hasher, family, realmId, request.clientIp()),
                limits.perClientIp(), limits.window())) {
            return SendDecision.CLIENT_IP_LIMIT_REACHED;
        }
        if (limits.realmPhone().isPresent() && !budget.tryConsumeShared(BudgetKey.realmPhone(hasher, family, realmId),
                limits.realmPhone().getAsInt(), limits.window())) {
            return SendDecision.REALM_PHONE_LIMIT_REACHED;
        }
        return SendDecision.ALLOWED;
    }
}
