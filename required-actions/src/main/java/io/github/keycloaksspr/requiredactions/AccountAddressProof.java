package io.github.keycloaksspr.requiredactions;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.delivery.EmailCodeDelivery;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.notice.NoticeOutbox;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.state.UserState;
import io.github.keycloaksspr.core.state.UserStates;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * An account that once had security info and has none left (the owner removed it, an administrator did, or someone
 * with the password through Keycloak's own paths) is never "registering for the first time" again: whoever holds
 * the password must first enter a code sent to the account's own address. The proof draws on the account's attempt
 * ledger and send budgets like any other, and tells every contact the account ever had.
 */
final class AccountAddressProof {

    /** The page's method id; never a reset method. */
    static final String METHOD_ID = "sspr-account-email";
    /** A purpose of its own: no other code proves it. */
    static final String PURPOSE = "register-account-email";
    static final String FACTOR = "account-email";
    /** Where this tab's code went. */
    static final String NOTE_ADDRESS = "sspr.register.accountAddress";

    private final RegistrationStep step;
    private final AuthenticationSessionModel notes;

    AccountAddressProof(RegistrationStep step) {
        this.step = step;
        this.notes = step.authSession();
    }

    /** Whether registering now needs this proof: nothing registered, and something was before. */
    static boolean needed(RegistrationStep step) {
        return step.securityInfo().registered() == 0 && state(step).everRegistered();
    }

    static boolean answering(AuthenticationSessionModel authSession) {
        return METHOD_ID.equals(authSession.getAuthNote(SecurityInfoProof.NOTE_METHOD));
    }

    /**
     * Sends the code to the account address the account had while it had security info (a password holder may have
     * changed the address since), else to today's if verified, and asks for it; without either there is no way but the
     * help desk.
     */
    void ask() {
        UserModel user = step.user();
        String address = proofAddress(step);
        if (address == null) {
            notes.setAuthNote(SecurityInfoProof.NOTE_PROOF_IMPOSSIBLE, "no_account_address");
            failure("no_account_address");
            step.page().error(null, "ssprRegisterAgainNoAddress").show();
            return;
        }
        if (ledger().isBlocked(LedgerSubject.signedInOwner(user.getId()))) {
            blocked();
            return;
        }
        MethodChallenge challenge = CodeChallenges.challenge(step.methods(), user, PURPOSE, address,
                "ssprRegisterAgainCodeSent", EmailCodeDelivery.INSTANCE);
        if (!challenge.started()) {
            if (challenge.reason().endsWith("_limit_reached")) {
                notes.setAuthNote(SecurityInfoProof.NOTE_PROOF_IMPOSSIBLE, "budget");
            }
            failure(challenge.reason());
            step.page().error(null, challenge.errorKey(), challenge.errorArgs().toArray()).show();
            return;
        }
        notes.setAuthNote(SecurityInfoProof.NOTE_METHOD, METHOD_ID);
        notes.setAuthNote(NOTE_ADDRESS, address);
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.PROOF_ASKED)
                .detail(SsprEvents.METHOD, METHOD_ID).success();
        step.context().challenge(MethodPages.verifyMethod(step.context().form().setAttribute(SecurityInfoProof.SIGNED_IN, true), METHOD_ID, challenge, 1, 1));
    }

    void handle(MultivaluedMap<String, String> form) {
        if (form.containsKey(MethodPages.FIELD_BACK) || form.containsKey(MethodPages.FIELD_METHOD)) {
            notes.removeAuthNote(SecurityInfoProof.NOTE_METHOD);
            step.page().show();
            return;
        }
        UserModel user = step.user();
        Optional<AttemptLedger.Attempt> attempt = ledger().reserve(LedgerSubject.signedInOwner(user.getId()));
        if (attempt.isEmpty()) {
            blocked();
            return;
        }
        String code = Optional.ofNullable(form.getFirst(CodeChallenges.CODE_FIELD)).orElse("").trim();
        MethodOutcome outcome = CodeChallenges.verify(step.methods(), PURPOSE, code);
        switch (outcome.status()) {
            case VERIFIED -> {
                attempt.get().succeeded();
                proven();
            }
            case WRONG -> {
                boolean blockedNow = attempt.get().failed();
                failure(outcome.reason());
                if (blockedNow) {
                    blocked();
                    return;
                }
                step.context().challenge(MethodPages.verifyMethod(step.context().form().setAttribute(SecurityInfoProof.SIGNED_IN, true)
                                .addError(new FormMessage(CodeChallenges.CODE_FIELD, outcome.errorKey())), METHOD_ID,
                        CodeChallenges.challenge(step.methods(), user, PURPOSE, notes.getAuthNote(NOTE_ADDRESS),
                                "ssprRegisterAgainCodeSent", EmailCodeDelivery.INSTANCE), 1, 1));
            }
            case SPENT -> {
                // Nothing was guessed: the slot goes back, as in a reset.
                attempt.get().succeeded();
                failure(outcome.reason());
                notes.removeAuthNote(SecurityInfoProof.NOTE_METHOD);
                step.page().error(null, outcome.errorKey()).show();
            }
        }
    }

    private void proven() {
        notes.removeAuthNote(SecurityInfoProof.NOTE_METHOD);
        SecurityInfoProof.provenBy(notes, FACTOR);
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.REGISTERING_AGAIN)
                .detail(SsprEvents.METHOD, METHOD_ID).success();
        SecurityInfoNotices.queueRegisteringAgain(step.context().getSession(), step.context().getRealm(), step.user(),
                state(step).knownContacts(), step.methods().clientIp(), Time.currentTimeMillis(),
                step.methods().policy(),
                NoticeOutbox.afterCommitOf(step.context().getSession(), NoticeOutbox.Failures.LOG_ONLY));
        RegisterSecurityInfoAction.continueAfterProof(step);
    }

    private void blocked() {
        notes.removeAuthNote(SecurityInfoProof.NOTE_METHOD);
        notes.setAuthNote(SecurityInfoProof.NOTE_PROOF_IMPOSSIBLE, "blocked");
        failure("too_many_attempts");
        step.page().error(null, "ssprErrorBlocked").show();
    }

    private void failure(String reason) {
        EventBuilder event = step.event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(SsprEvents.STEP, RegistrationEvents.REGISTERING_AGAIN).detail(SsprEvents.METHOD, METHOD_ID)
                .detail(SsprEvents.REASON, reason);
        event.error(RegistrationEvents.PROOF_FAILED);
    }

    private static String proofAddress(RegistrationStep step) {
        Optional<String> whenRegistered = state(step).accountAddressWhenRegistered();
        if (whenRegistered.isPresent()) {
            return whenRegistered.get();
        }
        UserModel user = step.user();
        return user.getEmail() != null && !user.getEmail().isBlank() && user.isEmailVerified()
                ? user.getEmail().strip() : null;
    }

    private AttemptLedger ledger() {
        return AttemptLedger.of(step.methods().session(), step.methods().realm(), step.methods().policy().attempts());
    }

    private static UserState state(RegistrationStep step) {
        return UserStates.of(step.context().getSession()).find(step.user());
    }
}
