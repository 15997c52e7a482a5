package io.github.keycloaksspr.authenticators.methods;

import io.github.keycloaksspr.core.budget.SendBudgets;
import io.github.keycloaksspr.core.budget.SendDecision;
import io.github.keycloaksspr.core.budget.SendLimits;
import io.github.keycloaksspr.core.budget.SendRequest;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.code.CodeCheck;
import io.github.keycloaksspr.core.code.OneTimeCodes;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.UserModel;

/**
 * The shared life of a sent code: at most one live code per method and tab (a refresh or the back button never sends
 * again), every send inside the budgets, only a hash kept, three wrong answers kill it.
 */
public final class CodeChallenges {

    /** Sends one code; the code must reach only the destination, never a log. */
    @FunctionalInterface
    public interface CodeSender {
        void send(String code) throws Exception;
    }

    public static final String CODE_FIELD = "code";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CodeChallenges.class);

    private CodeChallenges() {
    }

    public static MethodChallenge challenge(MethodContext context, UserModel user, String methodId, String destination,
                                     String instructionKey, String hint, CodeSender sender) {
        OneTimeCodes codes = OneTimeCodes.of(context.session(), context.authSession());
        if (codes.hasLiveCode(methodId)) {
            return MethodChallenge.code(instructionKey, hint);
        }
        SsprPolicy policy = context.policy();
        SendDecision decision = SendBudgets.of(context.session()).tryConsume(
                new SendRequest(context.realm().getId(), user.getId(), context.clientIp(), destination),
                new SendLimits(policy.sendsPerDestination(), policy.sendsPerUser(), policy.sendsPerClientIp(),
                        policy.budgetWindow()));
        if (!decision.allowed()) {
            String budget = decision.name().toLowerCase(java.util.Locale.ROOT);
            SsprMetrics.budgetRefusal(context.realm().getName(), budget);
            return MethodChallenge.refused("ssprErrorTooManyCodes", budget);
        }
        String code = codes.issue(methodId, policy.codeLength(), policy.codeLifetime());
        try {
            sender.send(code);
        } catch (Exception e) {
            // Neither the code nor the message text is in the exception: senders keep them out of their errors.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            LOG.warnf("SSPR: could not send a %s code in realm %s: %s (%s)", methodId, context.realm().getName(), e, root);
            codes.discard(methodId);
            return MethodChallenge.refused("ssprErrorSendFailed", "delivery_failed");
        }
        SsprMetrics.send(context.realm().getName(), methodId);
        return MethodChallenge.code(instructionKey, hint);
    }

    public static MethodOutcome verify(MethodContext context, String methodId, String input) {
        CodeCheck check = OneTimeCodes.of(context.session(), context.authSession()).verify(methodId, input);
        return switch (check) {
            case VALID -> MethodOutcome.verified();
            case WRONG -> MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code");
            case EXHAUSTED -> MethodOutcome.spent("ssprErrorCodeExhausted", "too_many_wrong_codes");
            case EXPIRED -> MethodOutcome.spent("ssprErrorCodeExpired", "code_expired");
            case NONE -> MethodOutcome.spent("ssprErrorCodeExpired", "no_live_code");
        };
    }
}
