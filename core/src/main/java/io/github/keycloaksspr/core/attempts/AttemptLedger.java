package io.github.keycloaksspr.core.attempts;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import io.github.keycloaksspr.core.budget.BudgetKey;
import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.keys.SubjectHasher;
import io.github.keycloaksspr.core.policy.AttemptLimits;
import io.github.keycloaksspr.core.time.ServerClock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What bounds guessing in SSPR: every answer of any method, in any session on any node, first takes one of a fixed
 * number of slots of its account (or typed name) and of its client address for the current window. A wrong answer
 * keeps its slots; a right one gives them back. When no slot is left the subject is blocked from SSPR for the rest of
 * the window, and no answer of it is checked at all. Slots are atomic cluster-wide claims, so concurrent requests
 * cannot share one; at most the limit of answers is ever checked per window, however many arrive at once.
 */
public final class AttemptLedger {

    static final String ACCOUNT_SCOPE = "attempt-account";
    static final String CLIENT_IP_SCOPE = "attempt-ip";

    private final ClusterSlots slots;
    private final Clock clock;
    private final SubjectHasher hasher;
    private final String realmId;
    private final AttemptLimits limits;

    public AttemptLedger(ClusterSlots slots, Clock clock, SubjectHasher hasher, String realmId, AttemptLimits limits) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.realmId = Objects.requireNonNull(realmId, "realmId");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The realm's ledger in Keycloak's single-use store, on Keycloak's clock (test time offset included). */
    public static AttemptLedger of(KeycloakSession session, RealmModel realm, AttemptLimits limits) {
        return new AttemptLedger(ClusterSlots.of(session), new ServerClock(), SubjectHasher.forRealm(session, realm),
                realm.getId(), limits);
    }

    /** Whether answers of {@code subject}, or from {@code clientIp}, are refused for the rest of the window. */
    public boolean isBlocked(LedgerSubject subject, String clientIp) {
        return isBlocked(subject) || address(clientIp).blocked();
    }

    /** Whether answers of {@code subject} are refused for the rest of the window, from wherever they come. */
    public boolean isBlocked(LedgerSubject subject) {
        return account(subject).blocked();
    }

    /**
     * Takes a slot of the subject and one of the address before an answer is checked.
     *
     * @return the attempt, or empty when either is blocked (then nothing is taken and the answer must not be checked)
     */
    public Optional<Attempt> reserve(LedgerSubject subject, String clientIp) {
        return reserveWith(subject, address(clientIp));
    }

    /**
     * A slot of the subject alone, for answers of a user already signed in with the password: their client address
     * neither blocks them nor is blocked by them.
     */
    public Optional<Attempt> reserve(LedgerSubject subject) {
        return reserveWith(subject, null);
    }

    private Optional<Attempt> reserveWith(LedgerSubject subject, Ledger address) {
        long window = windowIndex();
        Ledger account = account(subject);
        Optional<String> accountSlot = account.claim(window, limits.perAccount());
        if (accountSlot.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> addressSlot = address == null ? Optional.empty() : address.claim(window, limits.perClientIp());
        if (address != null && addressSlot.isEmpty()) {
            slots.release(accountSlot.get());
            return Optional.empty();
        }
        return Optional.of(new Attempt(window, account, accountSlot.get(), address, addressSlot.orElse(null)));
    }

    /**
     * An administrator lifts the block of {@code subject} (not of any client address): its wrong answers of this
     * window are forgotten.
     *
     * @return whether it was blocked
     */
    public boolean unblock(LedgerSubject subject) {
        long window = windowIndex();
        Ledger account = account(subject);
        boolean blocked = isBlocked(subject);
        for (int slot = 0; slot < limits.perAccount(); slot++) {
            slots.release(account.key.slotKey(window, slot));
        }
        slots.release(account.key.blockKey());
        return blocked;
    }

    private long windowIndex() {
        return Math.floorDiv(clock.millis() / 1000, limits.window().toSeconds());
    }

    private Ledger account(LedgerSubject subject) {
        return new Ledger(BudgetKey.of(hasher, ACCOUNT_SCOPE, realmId, subject.note()));
    }

    private Ledger address(String clientIp) {
        return new Ledger(BudgetKey.ofClientIp(hasher, CLIENT_IP_SCOPE, realmId, clientIp));
    }

    /** One answer's slots: give them back when the answer was right, keep them when it was wrong. */
    public final class Attempt {

        private final long window;
        private final Ledger account;
        private final String accountSlot;
        private final Ledger address;
        private final String addressSlot;

        private Attempt(long window, Ledger account, String accountSlot, Ledger address, String addressSlot) {
            this.window = window;
            this.account = account;
            this.accountSlot = accountSlot;
            this.address = address;
            this.addressSlot = addressSlot;
        }

        public void succeeded() {
            slots.release(accountSlot);
            if (addressSlot != null) {
                slots.release(addressSlot);
            }
        }

        /** The answer was wrong: its slots stay taken. @return whether the subject or address is now blocked */
        public boolean failed() {
            boolean accountFull = account.markFullIfNoneFree(window, limits.perAccount());
            boolean addressFull = address != null && address.markFullIfNoneFree(window, limits.perClientIp());
            return accountFull || addressFull;
        }

        /**
         * As {@link #failed}, and whether this very answer is the one that blocked the subject (of all concurrent
         * answers, exactly one is): the moment to tell the owner, once.
         */
        public Failure failedAndTell() {
            boolean blockedHere = account.blockIfNoneFree(window, limits.perAccount());
            boolean addressFull = address != null && address.markFullIfNoneFree(window, limits.perClientIp());
            return new Failure(blockedHere || account.blocked() || addressFull, blockedHere);
        }
    }

    /**
     * A wrong answer counted.
     *
     * @param blocked          whether the subject or the address is now blocked
     * @param subjectBlockedNow whether this answer set the subject's block
     */
    public record Failure(boolean blocked, boolean subjectBlockedNow) {
    }

    /** The slots of one subject: {@code <key>:w<window>:<n>}, and a marker once all are taken. */
    private final class Ledger {

        private final BudgetKey key;

        private Ledger(BudgetKey key) {
            this.key = key;
        }

        /**
         * Blocked for a whole window from the moment the last slot was taken, whatever window index comes next: a
         * block made a minute before a window ends lasts the full window all the same.
         */
        boolean blocked() {
            return slots.isClaimed(key.blockKey());
        }

        /** @return whether this call set the block (false when it was already set) */
        private boolean block() {
            return slots.claim(key.blockKey(), limits.window().toSeconds());
        }

        /** As {@link #markFullIfNoneFree}; whether this call set the block. */
        boolean blockIfNoneFree(long window, int limit) {
            return allTaken(window, limit) && block();
        }

        Optional<String> claim(long window, int limit) {
            if (blocked()) {
                return Optional.empty();
            }
            long lifespan = lifespanSeconds();
            for (int slot = 0; slot < limit; slot++) {
                String slotKey = key.slotKey(window, slot);
                if (slots.claim(slotKey, lifespan)) {
                    return Optional.of(slotKey);
                }
            }
            block();
            return Optional.empty();
        }

        /** Marks the window full when every slot holds a wrong answer; a slot in use by a pending answer counts. */
        boolean markFullIfNoneFree(long window, int limit) {
            if (!allTaken(window, limit)) {
                return false;
            }
            block();
            return true;
        }

        private boolean allTaken(long window, int limit) {
            for (int slot = 0; slot < limit; slot++) {
                if (!slots.isClaimed(key.slotKey(window, slot))) {
                    return false;
                }
            }
            return true;
        }

        /** A slot outlives its window: twice the window leaves room for clock differences between nodes. */
        private long lifespanSeconds() {
            return limits.window().toSeconds() * 2;
        }
    }
}
