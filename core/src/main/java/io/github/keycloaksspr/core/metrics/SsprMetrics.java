package io.github.keycloaksspr.core.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * The pack's counters, registered in Micrometer's global registry: Keycloak exposes it on its Prometheus endpoint
 * ({@code /metrics} on the management port) when {@code metrics-enabled=true}. Counters are per node; Prometheus sums
 * the cluster. Tags never carry user data: realm name, method id, outcome, channel, budget.
 */
public final class SsprMetrics {

    public static final String RESETS = "sspr.resets";
    public static final String UNLOCKS = "sspr.unlocks";
    public static final String VERIFICATIONS = "sspr.verifications";
    public static final String SENDS = "sspr.sends";
    public static final String BUDGET_REFUSALS = "sspr.budget.refusals";
    public static final String DELIVERY_FAILURES = "sspr.delivery.failures";
    public static final String FAILURES = "sspr.failures";
    public static final String BLOCKS = "sspr.blocks";
    /** Password-expiry reminders sent, by threshold and channel. */
    public static final String REMINDERS = "sspr.reminders";
    /** Help-desk actions and the passes' lives: {@code action} as {@code HelpDeskEvents}, outcome success/failure. */
    public static final String HELPDESK = "sspr.helpdesk";
    /** Sends handed to a background executor, counted in the request that causes them ({@code queue}: its name). */
    public static final String BACKGROUND_QUEUED = "sspr.background.queued";
    /** Those sends finished, failed, or dropped with their transaction: equal to the queued ones when idle. */
    public static final String BACKGROUND_DONE = "sspr.background.done";

    private SsprMetrics() {
    }

    public static void reset(String realm, String outcome) {
        count(RESETS, "Self-service password resets", "realm", realm, "outcome", outcome);
    }

    public static void unlock(String realm) {
        count(UNLOCKS, "Self-service account unlocks", "realm", realm);
    }

    public static void verification(String realm, String method, String outcome) {
        count(VERIFICATIONS, "Identity verifications in the reset flow", "realm", realm, "method", method,
                "outcome", outcome);
    }

    /** A code sent; {@code purpose} is the method or registration purpose ({@code sspr-sms}, {@code register-email}). */
    public static void send(String realm, String purpose) {
        count(SENDS, "Codes sent", "realm", realm, "channel", channelOf(purpose));
    }

    /** A code that the SMTP server or the phone gateway did not take. */
    public static void deliveryFailure(String realm, String channel) {
        count(DELIVERY_FAILURES, "Codes the mail server or phone gateway refused", "realm", realm, "channel", channel);
    }

    /** A failure the audit trail records, by activity ({@code reset}, {@code flow_progress}…) and reason. */
    public static void failure(String realm, String activity, String reason) {
        count(FAILURES, "Failures of self-service password reset and registration, by reason", "realm", realm,
                "activity", activity, "reason", reason);
    }

    /** A reset refused at once: the account cannot reset ({@code user_disabled}…) or is blocked (too many attempts). */
    public static void block(String realm, String reason) {
        count(BLOCKS, "Resets refused because the account cannot reset or is blocked for too many attempts",
                "realm", realm, "reason", reason);
    }

    /**
     * A help-desk action ({@code verification}, {@code temporary-access-pass}, {@code pass-used}...) and its outcome
     * ({@code success}, {@code failure}, {@code refused} by a ceiling). By realm only: the agent is in the audit trail.
     */
    public static void helpDesk(String realm, String action, String outcome) {
        count(HELPDESK, "Help-desk verifications, passes and actions", "realm", realm, "action", action,
                "outcome", outcome);
    }

    /** A password-expiry reminder queued: {@code days} before the expiry, by {@code channel} (email, sms). */
    public static void reminder(String realm, int days, String channel) {
        count(REMINDERS, "Password-expiry reminders", "realm", realm, "days", Integer.toString(days),
                "channel", channel);
    }

    /** A send that will run after the request, on executor {@code queue}: counted before the response. */
    public static void backgroundQueued(String queue, int sends) {
        add(BACKGROUND_QUEUED, "Sends handed to a background executor", sends, "queue", queue);
    }

    public static void backgroundDone(String queue, int sends) {
        add(BACKGROUND_DONE, "Background sends finished, failed or dropped", sends, "queue", queue);
    }

    public static void budgetRefusal(String realm, String budget) {
        count(BUDGET_REFUSALS, "Code sends refused by a send budget", "realm", realm, "budget", budget);
    }

    static String channelOf(String purpose) {
        String p = purpose == null ? "" : purpose.toLowerCase(Locale.ROOT);
        if (p.contains("sms")) {
            return "sms";
        }
        if (p.contains("voice") || p.contains("office")) {
            return "voice";
        }
        return p.contains("email") ? "email" : "other";
    }

    private static void add(String name, String description, int amount, String... tags) {
        if (amount > 0) {
            Counter.builder(name).description(description).tags(tags).register(Metrics.globalRegistry)
                    .increment(amount);
        }
    }

    private static void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(Metrics.globalRegistry).increment();
    }
}
