package io.github.keycloaksspr.core.budget;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.time.ServerClock;
import org.keycloak.models.KeycloakSession;

/**
 * A cluster-wide "at most N per window" budget. Time is cut into fixed windows; each window has N
 * slots per key, and a send proceeds only if it claims one ({@link ClusterSlots} are atomic across
 * nodes, where a counter read and written back would race). Nothing is ever given back.
 * <p>
 * Fixed windows allow up to 2N in a short time across a window boundary; that is accepted for the
 * simplicity and the single atomic operation per slot. The limit is part of the slot scan, so callers
 * must use one limit per key and window; the "spent" marker ({@code ...:w<index>:spent:<limit>}) records that
 * all slots of that limit are taken, so that a raised limit applies at once.
 */
public final class SendBudget {

    public static final int MAX_LIMIT = 100;
    /** A realm-wide ceiling is one key with many slots: claims start at a random slot so that they rarely collide. */
    public static final int MAX_CEILING = 100_000;
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    private final ClusterSlots slots;
    private final Clock clock;

    public SendBudget(ClusterSlots slots, Clock clock) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Budgets in Keycloak's single-use object store, with Keycloak's clock (test time offset included). */
    public static SendBudget of(KeycloakSession session) {
        return new SendBudget(ClusterSlots.of(session), new ServerClock());
    }

    /**
     * Takes one unit of {@code key}'s budget of {@code limit} per {@code window}.
     *
     * @return {@code true} if a unit was free and is now used, {@code false} if the window's budget is
     *         spent (then nothing was taken)
     */
    public boolean tryConsume(BudgetKey key, int limit, Duration window) {
        Objects.requireNonNull(key, "key");
        requireLimit(limit);
        return consume(key, limit, window, 0);
    }

    /**
     * Takes one unit of a large budget shared by many (a realm's phone sends): as {@link #tryConsume}, but the
     * search for a free slot starts at a random one.
     */
    public boolean tryConsumeShared(BudgetKey key, int limit, Duration window) {
        Objects.requireNonNull(key, "key");
        if (limit < 1 || limit > MAX_CEILING) {
            throw new IllegalArgumentException("shared budget limit must be 1-" + MAX_CEILING);
        }
        return consume(key, limit, window, ThreadLocalRandom.current().nextInt(limit));
    }

    private boolean consume(BudgetKey key, int limit, Duration window, int firstSlot) {
        long windowSeconds = requireWindow(window).toSeconds();
        long windowIndex = Math.floorDiv(clock.millis() / 1000, windowSeconds);
        // The slot must outlive its window; twice the window leaves room for clock differences between nodes.
        long lifespanSeconds = windowSeconds * 2;
        // Once a window is spent, one lookup refuses: without the marker every refused request (the
        // common case under attack) would probe all slots again.
        String spent = key.spentKey(windowIndex, limit);
        if (slots.isClaimed(spent)) {
            return false;
        }
        for (int n = 0; n < limit; n++) {
            if (slots.claim(key.slotKey(windowIndex, (firstSlot + n) % limit), lifespanSeconds)) {
                return true;
            }
        }
        slots.claim(spent, lifespanSeconds);
        return false;
    }

    /** Whether {@code key}'s budget of {@code limit} in the current window is spent (nothing is taken). */
    public boolean isSpent(BudgetKey key, int limit, Duration window) {
        long windowSeconds = requireWindow(window).toSeconds();
        return slots.isClaimed(key.spentKey(Math.floorDiv(clock.millis() / 1000, windowSeconds), limit));
    }

    static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("budget limit must be 1-" + MAX_LIMIT);
        }
        return limit;
    }

    static Duration requireWindow(Duration window) {
        if (window == null || window.toSeconds() < 1 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("budget window must be 1 second to " + MAX_WINDOW.toDays() + " days");
        }
        return window;
    }
}
