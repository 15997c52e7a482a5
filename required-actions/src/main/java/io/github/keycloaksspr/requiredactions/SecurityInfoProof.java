package io.github.keycloaksspr.requiredactions;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.method.SsprMethod;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A password is not enough to change security info: whoever holds only the password (phishing, reuse) could add
 * their own phone and reset the account with it later. A user who already has methods first proves one of them in
 * this sign-in (a code to the registered phone or address, the authenticator app, a passkey; never security questions)
 * and may then add, replace or remove methods for a short while. Administrators prove two. A user without any method
 * yet registers after signing in, as before. Wrong answers count in the account's attempt ledger, as in a reset.
 */
final class SecurityInfoProof {

    /** How long one proof lets the user change security info. */
    static final long VALID_SECONDS = 600;

    static final String NOTE_PROVEN_AT = "sspr.register.provenAt";
    static final String NOTE_PROVEN_FACTORS = "sspr.register.provenFactors";
    static final String NOTE_METHOD = "sspr.register.proofMethod";
    /**
     * Set when a stranger's guesses or code requests keep the user from proving a method now: the page may then be
     * put off for this sign-in, so that nobody can keep a user from signing in by blocking their proof.
     */
    static final String NOTE_PROOF_IMPOSSIBLE = "sspr.register.proofImpossible";
    /** What an answer page posts: a code, the first security answer, or a passkey's answer (or its error). */
    private static final List<String> ANSWER_FIELDS = List.of("code", "answer-1", "clientDataJSON", "error");
    private static final Set<String> EXPIRED_REASONS = Set.of("code_expired", "no_live_code");

    private final RegistrationStep step;
    private final AuthenticationSessionModel notes;

    SecurityInfoProof(RegistrationStep step) {
        this.step = step;
        this.notes = step.authSession();
    }

    /** Whether this change may go ahead now: nothing to prove with, or proven recently enough. */
    boolean satisfied() {
        int needed = needed();
        if (needed == 0) {
            // Nothing registered: the first registration needs nothing more than the sign-in, registering again the
            // account address. Methods that cannot prove (security questions alone) must not let the password holder
            // change them freely.
            if (step.securityInfo().registered() > 0) {
                return false;
            }
            return !AccountAddressProof.needed(step) || provenRecently();
        }
        return provenRecently() && provenFactors().size() >= needed;
    }

    private boolean provenRecently() {
        String at = notes.getAuthNote(NOTE_PROVEN_AT);
        return at != null && Time.currentTime() - Long.parseLong(at) <= VALID_SECONDS;
    }

    /** Whether the post comes from one of the proof's pages (the method list or a method's answer page). */
    boolean answers(MultivaluedMap<String, String> form) {
        return AccountAddressProof.answering(notes) && !form.containsKey(RegisterSecurityInfoAction.FIELD_ACTION)
                || form.containsKey(MethodPages.FIELD_METHOD) || form.containsKey(MethodPages.FIELD_BACK)
                || notes.getAuthNote(NOTE_METHOD) != null && !form.containsKey(RegisterSecurityInfoAction.FIELD_ACTION)
                && ANSWER_FIELDS.stream().anyMatch(form::containsKey);
    }

    /**
     * A contact the owner just verified by its code in this sign-in proves them for the window, as a proof of an
     * existing method would: a user registering a phone and then an address is not asked to prove the phone again.
     */
    static void verifiedInThisSignIn(AuthenticationSessionModel authSession, Factor factor) {
        Set<String> factors = new LinkedHashSet<>(provenFactors(authSession));
        factors.add(factor.id());
        authSession.setAuthNote(NOTE_PROVEN_FACTORS, String.join(",", factors));
        authSession.setAuthNote(NOTE_PROVEN_AT, Long.toString(Time.currentTime()));
    }

    static boolean impossibleNow(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTE_PROOF_IMPOSSIBLE) != null;
    }

    /** The page is shown afresh: a method picked earlier is no longer being answered. */
    static void forgetPendingMethod(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(NOTE_METHOD);
    }

    /** The method list, saying why it comes before the change. */
    void ask() {
        notes.removeAuthNote(NOTE_METHOD);
        if (needed() == 0 && AccountAddressProof.needed(step)) {
            new AccountAddressProof(step).ask();
            return;
        }
        if (needed() == 0) {
            notes.setAuthNote(NOTE_PROOF_IMPOSSIBLE, "no_method_can_prove");
            failure(null, "no_method_can_prove");
            step.page().error(null, "ssprRegisterProofUnavailable").show();
            return;
        }
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.PROOF_ASKED).success();
        showMethods(step.context().form().setInfo("ssprRegisterProveFirst"));
    }

    void handle(MultivaluedMap<String, String> form) {
        if (AccountAddressProof.answering(notes)) {
            new AccountAddressProof(step).handle(form);
        } else if (form.containsKey(MethodPages.FIELD_BACK)) {
            notes.removeAuthNote(NOTE_METHOD);
            showMethods(step.context().form());
        } else if (form.containsKey(MethodPages.FIELD_METHOD)) {
            select(form.getFirst(MethodPages.FIELD_METHOD));
        } else {
            answer(form);
        }
    }

    private void select(String methodId) {
        Optional<SsprMethod> method = provers().stream().filter(m -> m.id().equals(methodId)).findFirst();
        if (method.isEmpty()) {
            showMethods(step.context().form().setError("ssprErrorChooseMethod"));
            return;
        }
        if (ledger().isBlocked(LedgerSubject.signedInOwner(user().getId()))) {
            blocked();
            return;
        }
        MethodChallenge challenge = method.get().challenge(step.methods(), user());
        if (!challenge.started()) {
            if (challenge.reason().endsWith("_limit_reached")) {
                notes.setAuthNote(NOTE_PROOF_IMPOSSIBLE, "budget");
            }
            failure(methodId, challenge.reason());
            showMethods(step.context().form().setError(challenge.errorKey()));
            return;
        }
        notes.setAuthNote(NOTE_METHOD, methodId);
        step.context().challenge(MethodPages.verifyMethod(step.context().form(), methodId, challenge, progress(),
                needed()));
    }

    private void answer(MultivaluedMap<String, String> form) {
        String methodId = notes.getAuthNote(NOTE_METHOD);
        Optional<SsprMethod> method = provers().stream().filter(m -> m.id().equals(methodId)).findFirst();
        if (method.isEmpty()) {
            showMethods(step.context().form());
            return;
        }
        Optional<AttemptLedger.Attempt> attempt = ledger().reserve(LedgerSubject.signedInOwner(user().getId()));
        if (attempt.isEmpty()) {
            blocked();
            return;
        }
        MethodOutcome outcome = method.get().verify(step.methods(), user(), form);
        if (outcome.status() == MethodOutcome.Status.VERIFIED) {
            attempt.get().succeeded();
            proven(method.get());
            return;
        }
        if (EXPIRED_REASONS.contains(outcome.reason())) {
            // Nothing was guessed: the slot goes back, as in a reset.
            attempt.get().succeeded();
            notes.removeAuthNote(NOTE_METHOD);
            showMethods(step.context().form().setError(outcome.errorKey()));
            return;
        }
        boolean blockedNow = attempt.get().failed();
        failure(methodId, outcome.reason());
        if (blockedNow) {
            blocked();
        } else if (outcome.status() == MethodOutcome.Status.WRONG) {
            LoginFormsProvider page = step.context().form().addError(new FormMessage("code", outcome.errorKey()));
            step.context().challenge(MethodPages.verifyMethod(page, methodId,
                    method.get().challenge(step.methods(), user()), progress(), needed()));
        } else {
            notes.removeAuthNote(NOTE_METHOD);
            showMethods(step.context().form().setError(outcome.errorKey()));
        }
    }

    private void proven(SsprMethod method) {
        Set<String> factors = new LinkedHashSet<>(provenFactors());
        factors.add(method.factorFor(step.methods(), user()).id());
        notes.setAuthNote(NOTE_PROVEN_FACTORS, String.join(",", factors));
        notes.removeAuthNote(NOTE_METHOD);
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.PROOF)
                .detail(SsprEvents.METHOD, method.id()).success();
        if (factors.size() < needed()) {
            showMethods(step.context().form());
            return;
        }
        notes.setAuthNote(NOTE_PROVEN_AT, Long.toString(Time.currentTime()));
        step.page().success("ssprRegisterProofDone").show();
    }

    private void showMethods(LoginFormsProvider form) {
        Set<String> proven = provenFactors();
        List<MethodPages.MethodChoice> choices = provers().stream()
                .filter(m -> !proven.contains(m.factorFor(step.methods(), user()).id()))
                .map(m -> new MethodPages.MethodChoice(m.id(), MethodPages.labelKey(m.id()),
                        m.maskedHint(step.methods(), user())))
                .toList();
        step.context().challenge(MethodPages.selectMethod(form, choices, progress(), needed()));
    }

    private void blocked() {
        notes.removeAuthNote(NOTE_METHOD);
        notes.setAuthNote(NOTE_PROOF_IMPOSSIBLE, "blocked");
        failure(null, "too_many_attempts");
        step.page().error(null, "ssprErrorBlocked").show();
    }

    private void failure(String methodId, String reason) {
        EventBuilder event = step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP,
                RegistrationEvents.PROOF).detail(SsprEvents.REASON, reason);
        if (methodId != null) {
            event.detail(SsprEvents.METHOD, methodId);
        }
        event.error(RegistrationEvents.PROOF_FAILED);
    }

    /** The user's registered methods that can prove it is them: never security questions. */
    /**
     * The methods that may prove the owner before a change: never security questions, and never the office phone,
     * which comes from the directory, where by default the user may write their own {@code telephoneNumber}.
     */
    private List<SsprMethod> provers() {
        return MethodCatalogue.of().usableFor(step.methods(), user(), administrator()).stream()
                .filter(m -> m.factor() != Factor.SECURITY_QUESTIONS && m.factor() != Factor.OFFICE_PHONE)
                .toList();
    }

    /** Administrators prove two distinct factors (as many as they have, if fewer); others one; nobody without any. */
    private int needed() {
        long available = provers().stream().map(m -> m.factorFor(step.methods(), user())).distinct().count();
        return (int) Math.min(available, administrator() ? 2 : 1);
    }

    private int progress() {
        return Math.min(provenFactors().size() + 1, Math.max(needed(), 1));
    }

    private Set<String> provenFactors() {
        return provenFactors(notes);
    }

    private static Set<String> provenFactors(AuthenticationSessionModel notes) {
        String value = notes.getAuthNote(NOTE_PROVEN_FACTORS);
        return value == null || value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }

    private boolean administrator() {
        return new ResetAudience(step.methods().session(), step.methods().realm(), step.methods().policy())
                .isAdministrator(user());
    }

    private AttemptLedger ledger() {
        return AttemptLedger.of(step.methods().session(), step.methods().realm(), step.methods().policy().attempts());
    }

    private UserModel user() {
        return step.user();
    }
}
