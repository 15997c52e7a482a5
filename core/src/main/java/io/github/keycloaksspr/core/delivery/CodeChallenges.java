package io.github.keycloaksspr.core.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.github.keycloaksspr.core.budget.SendBudgets;
import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.budget.SendDecision;
import io.github.keycloaksspr.core.budget.SendFamily;
import io.github.keycloaksspr.core.budget.SendLimits;
import io.github.keycloaksspr.core.budget.SendRequest;
import io.github.keycloaksspr.core.code.CodeCheck;
import io.github.keycloaksspr.core.code.OneTimeCodes;
import io.github.keycloaksspr.core.decoy.StandInUser;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.phone.PhoneCheck;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.time.ServerClock;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * The shared life of a sent code: at most one live code per method and tab (a refresh or the back button never sends
 * again), every send inside the budgets, only a hash kept, three wrong answers kill it.
 */
public final class CodeChallenges {

    public static final String CODE_FIELD = "code";
    /** The event reason of a code the mail server or phone gateway did not take. */
    public static final String DELIVERY_FAILED = "delivery_failed";
    /** The code's time is over. */
    public static final String CODE_EXPIRED = "code_expired";
    /** No code is live for the purpose (none was sent, or it was used). */
    public static final String NO_LIVE_CODE = "no_live_code";
    /** The undelivered mark outlives its code a little, so that the last page of a code still tells why. */
    private static final long UNDELIVERED_MARK_GRACE_SECONDS = 60;

    private CodeChallenges() {
    }

    /**
     * Sends a code for {@code purpose} to {@code destination} unless this tab already has a live one, and describes the
     * page that asks for it.
     */
    public static MethodChallenge challenge(MethodContext context, UserModel user, String purpose, String destination,
                                            String instructionKey, CodeDelivery delivery) {
        return challenge(context, user, purpose, destination, instructionKey, delivery, context.sends());
    }

    /** As above, drawing on the budgets of {@code family} (sign-in codes have their own). */
    public static MethodChallenge challenge(MethodContext context, UserModel user, String purpose, String destination,
                                            String instructionKey, CodeDelivery delivery, SendFamily family) {
        String hint = delivery.masked(destination);
        OneTimeCodes codes = codes(context);
        if (codes.hasLiveCode(purpose)) {
            if (undelivered(context, codes, purpose)) {
                return MethodChallenge.refused("ssprErrorSendFailed", DELIVERY_FAILED);
            }
            return MethodChallenge.code(instructionKey, hint);
        }
        SsprPolicy policy = context.policy();
        SendLimits limits = new SendLimits(policy.sendsPerDestination(), policy.sendsPerUser(),
                policy.sendsPerClientIp(), policy.budgetWindow());
        if (delivery.usesPhone()) {
            // A stored number is checked again at every send: the rules may have changed since it was registered.
            Optional<PhoneCheck.Refusal> refusal = PhoneNumbers.check(destination, policy.phone()).refusal();
            if (refusal.isPresent()) {
                return MethodChallenge.refused("ssprErrorPhoneNotAllowed", refusal.get().reason());
            }
            limits = limits.withRealmPhoneCeiling(policy.phone().sendsPerRealm());
        }
        SendDecision decision = SendBudgets.of(context.session(), context.realm()).tryConsume(
                new SendRequest(context.realm().getId(), user.getId(), context.clientIp(), destination, family), limits);
        if (!decision.allowed()) {
            String budget = decision.name().toLowerCase(Locale.ROOT);
            SsprMetrics.budgetRefusal(context.realm().getName(), budget);
            return switch (decision) {
                case REALM_PHONE_LIMIT_REACHED -> MethodChallenge.refused("ssprErrorPhonePaused", budget);
                // Another method cannot help: every code to this account draws on the same budget.
                case USER_LIMIT_REACHED -> MethodChallenge.refused("ssprErrorAccountCodesSpent", budget,
                        Long.toString(minutesLeftInWindow(policy.budgetWindow())));
                default -> MethodChallenge.refused("ssprErrorTooManyCodes", budget);
            };
        }
        String code = codes.issue(purpose, policy.codeLength(), policy.codeLifetime());
        Transmission message = delivery.compose(context, user, destination, code);
        boolean standIn = StandInUser.isStandIn(user);
        DeliveryDispatch.afterCommit(context.session(), context.realm(), new DeliveryDispatch.Dispatch(
                delivery.channel(), codes.liveCodeId(purpose).orElseThrow(),
                codes.expiresAt(purpose).orElseThrow().toEpochMilli(),
                policy.codeLifetime().toSeconds() + UNDELIVERED_MARK_GRACE_SECONDS, message, standIn,
                new DeliveryDispatch.Contact(user.getId(), delivery.usesPhone() ? SsprCredentialTypes.MOBILE_PHONE
                        : SsprCredentialTypes.ALTERNATE_EMAIL, destination)));
        if (!standIn) {
            SsprMetrics.send(context.realm().getName(), purpose);
        }
        return MethodChallenge.code(instructionKey, hint);
    }

    /** The codes of this context: its authentication session's, or the help desk's in the cluster store. */
    private static OneTimeCodes codes(MethodContext context) {
        return new OneTimeCodes(context.notes(), ClusterSlots.of(context.session()), new ServerClock());
    }

    /** Minutes until the send budgets' current window ends (windows are fixed, on Keycloak's clock), at least one. */
    static long minutesLeftInWindow(Duration window) {
        long windowSeconds = window.toSeconds();
        long secondsLeft = windowSeconds - Math.floorMod(Time.currentTimeMillis() / 1000, windowSeconds);
        return Math.max(1, (secondsLeft + 59) / 60);
    }

    /** A live code whose send failed: forgotten, so that choosing the method again sends a new one. */
    private static boolean undelivered(MethodContext context, OneTimeCodes codes, String purpose) {
        Optional<String> codeId = codes.liveCodeId(purpose);
        if (codeId.isPresent() && DeliveryDispatch.undelivered(context.session(), codeId.get())) {
            codes.discard(purpose);
            return true;
        }
        return false;
    }

    /**
     * Whether the reset flow's texts and calls are paused by the realm's ceiling: a decoy run asks this to refuse a
     * phone method exactly when a real run is refused.
     */
    public static boolean phonesPaused(MethodContext context) {
        return SendBudgets.of(context.session(), context.realm())
                .resetPhonesPaused(context.realm().getId(), context.policy().phone().sendsPerRealm(),
                        context.policy().budgetWindow());
    }

    /** Checks a typed code; a code whose send failed is over, and says so. */
    public static MethodOutcome verify(MethodContext context, String purpose, String input) {
        OneTimeCodes codes = codes(context);
        if (undelivered(context, codes, purpose)) {
            return MethodOutcome.spent("ssprErrorSendFailed", DELIVERY_FAILED);
        }
        CodeCheck check = codes.verify(purpose, input);
        return switch (check) {
            case VALID -> MethodOutcome.verified();
            case WRONG -> MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code");
            case EXHAUSTED -> MethodOutcome.spent("ssprErrorCodeExhausted", "too_many_wrong_codes");
            case EXPIRED -> MethodOutcome.spent("ssprErrorCodeExpired", CODE_EXPIRED);
            case NONE -> MethodOutcome.spent("ssprErrorCodeExpired", NO_LIVE_CODE);
        };
    }
}
