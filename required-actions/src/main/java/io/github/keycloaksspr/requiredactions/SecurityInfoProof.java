package io.github.keycloaksspr.requiredactions;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.pass.TemporaryAccessPasses;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.proof.MethodProof;
import io.github.keycloaksspr.core.proof.ProofLedger;
import io.github.keycloaksspr.core.proof.ProofListener;
import io.github.keycloaksspr.core.proof.ProofRules;
import io.github.keycloaksspr.core.proof.ProofStep;
import io.github.keycloaksspr.core.proof.SessionProofNotes;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A password is not enough to change security info: whoever holds only the password (phishing, reuse) could add
 * their own phone and reset the account with it later. A user who already has methods first proves as many of them in
 * this sign-in, administrators two ({@link MethodProof}: a code to the registered phone or address, the authenticator
 * app, a passkey; never security questions) and may then add, replace or remove methods for a short while. A user
 * without any method yet registers after signing in, as before. Wrong answers count in the account's attempt ledger,
 * as in a reset.
 */
final class SecurityInfoProof implements ProofListener, ProofLedger {

    /** How long one proof lets the user change security info. */
    static final long VALID_SECONDS = 600;

    private static final String NOTE_PREFIX = "sspr.register.proof";
    /** The method being answered: one of the proof's, or the account address ({@link AccountAddressProof}). */
    static final String NOTE_METHOD = NOTE_PREFIX + "Method";
    static final String NOTE_PROVEN_AT = "sspr.register.provenAt";
    /**
     * Set when a stranger's guesses or code requests keep the user from proving a method now: the page may then be
     * put off for this sign-in, so that nobody can keep a user from signing in by blocking their proof.
     */
    static final String NOTE_PROOF_IMPOSSIBLE = "sspr.register.proofImpossible";
    /** What an answer page posts: a code, the first security answer, or a passkey's answer (or its error). */
    private static final List<String> ANSWER_FIELDS = List.of(CodeChallenges.CODE_FIELD, "answer-1",
            "clientDataJSON", "error");

    /** Tells the proof's pages that the user is signed in: no way back to the sign-in page. */
    static final String SIGNED_IN = "ssprSignedIn";

    private final RegistrationStep step;
    private final AuthenticationSessionModel authSession;
    private final SessionProofNotes notes;
    private MethodProof proof;

    SecurityInfoProof(RegistrationStep step) {
        this.step = step;
        this.authSession = step.authSession();
        this.notes = notes(authSession);
    }

    /**
     * Whether this change may go ahead now: a sign-in that a Temporary Access Pass opened (the help desk verified the
     * user), nothing to prove with, or proven recently enough.
     */
    boolean satisfied() {
        if (authSession.getAuthNote(TemporaryAccessPasses.SIGNED_IN_NOTE) != null) {
            return true;
        }
        if (required() == 0) {
            // Nothing registered: the first registration needs nothing more than the sign-in, registering again the
            // account address. Methods that cannot prove (security questions alone) must not let the password holder
            // change them freely.
            if (step.securityInfo().registered() > 0) {
                return false;
            }
            return !AccountAddressProof.needed(step) || provenRecently(authSession);
        }
        return provenRecently(authSession) && proof().proven();
    }

    /** Whether the post comes from one of the proof's pages (the method list or a method's answer page). */
    boolean answers(MultivaluedMap<String, String> form) {
        boolean changeButton = form.containsKey(RegisterSecurityInfoAction.FIELD_ACTION);
        return form.containsKey(MethodPages.FIELD_METHOD) || form.containsKey(MethodPages.FIELD_BACK)
                || notes.currentMethod() != null && !changeButton
                && (AccountAddressProof.answering(authSession) || ANSWER_FIELDS.stream().anyMatch(form::containsKey));
    }

    /**
     * A contact the owner just verified by its code in this sign-in proves them for the window, as a proof of an
     * existing method would: a user registering a phone and then an address is not asked to prove the phone again.
     */
    static void verifiedInThisSignIn(AuthenticationSessionModel authSession, Factor factor) {
        provenBy(authSession, factor.id());
    }

    /** {@code factorId} was proven outside the method list; the window starts now. */
    static void provenBy(AuthenticationSessionModel authSession, String factorId) {
        notes(authSession).addFactor(factorId);
        authSession.setAuthNote(NOTE_PROVEN_AT, Long.toString(Time.currentTime()));
    }

    static boolean impossibleNow(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTE_PROOF_IMPOSSIBLE) != null;
    }

    /** The page is shown afresh: a method picked earlier is no longer being answered. */
    static void forgetPendingMethod(AuthenticationSessionModel authSession) {
        notes(authSession).leaveMethod();
    }

    /** The method list, saying why it comes before the change. */
    void ask() {
        notes.leaveMethod();
        if (required() == 0 && AccountAddressProof.needed(step)) {
            new AccountAddressProof(step).ask();
            return;
        }
        if (required() == 0) {
            authSession.setAuthNote(NOTE_PROOF_IMPOSSIBLE, "no_method_can_prove");
            failed(null, "no_method_can_prove");
            step.page().error(null, "ssprRegisterProofUnavailable").show();
            return;
        }
        if (authSession.getAuthNote(NOTE_PROVEN_AT) != null && !provenRecently(authSession)) {
            // The window is over: so are the proofs made for it, and the next change asks for all of them again.
            notes.clear();
            authSession.removeAuthNote(NOTE_PROVEN_AT);
        }
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.PROOF_ASKED).success();
        show(proof().choose(null), step.context().form().setInfo("ssprRegisterProveFirst"));
    }

    void handle(MultivaluedMap<String, String> form) {
        if (AccountAddressProof.answering(authSession)) {
            new AccountAddressProof(step).handle(form);
        } else if (form.containsKey(MethodPages.FIELD_BACK)) {
            show(proof().back(), step.context().form());
        } else if (form.containsKey(MethodPages.FIELD_METHOD)) {
            show(proof().select(form.getFirst(MethodPages.FIELD_METHOD)), step.context().form());
        } else {
            show(proof().answer(form), step.context().form());
        }
    }

    private void show(ProofStep next, LoginFormsProvider form) {
        form.setAttribute(SIGNED_IN, true);
        if (next instanceof ProofStep.ChooseMethod choose) {
            if (choose.errorKey() != null) {
                form.setError(choose.errorKey(), choose.errorArgs().toArray());
            }
            step.context().challenge(MethodPages.selectMethod(form, choose.choices(), choose.step(), choose.of()));
        } else if (next instanceof ProofStep.AnswerMethod answer) {
            if (answer.errorKey() != null) {
                form.addError(new FormMessage(CodeChallenges.CODE_FIELD, answer.errorKey()));
            }
            step.context().challenge(MethodPages.verifyMethod(form, answer.methodId(), answer.challenge(),
                    answer.step(), answer.of()));
        } else if (next instanceof ProofStep.Proven) {
            authSession.setAuthNote(NOTE_PROVEN_AT, Long.toString(Time.currentTime()));
            RegisterSecurityInfoAction.continueAfterProof(step);
        } else if (next instanceof ProofStep.Blocked) {
            notes.leaveMethod();
            step.page().error(null, "ssprErrorBlocked").show();
        } else {
            authSession.setAuthNote(NOTE_PROOF_IMPOSSIBLE, SsprReasons.NO_METHODS_LEFT);
            failed(null, SsprReasons.NO_METHODS_LEFT);
            step.page().error(null, "ssprEndNotVerified").show();
        }
    }

    @Override
    public void proven(SsprMethod method, int provenCount) {
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.PROOF)
                .detail(SsprEvents.METHOD, method.id()).detail(SsprEvents.VERIFIED_COUNT, Integer.toString(provenCount))
                .success();
    }

    @Override
    public void failed(String methodId, String reason) {
        if (reason.endsWith("_limit_reached")) {
            // The send budgets are spent (perhaps by a stranger): the page may be put off for this sign-in.
            authSession.setAuthNote(NOTE_PROOF_IMPOSSIBLE, "budget");
        }
        EventBuilder event = step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP,
                RegistrationEvents.PROOF).detail(SsprEvents.REASON, reason);
        if (methodId != null) {
            event.detail(SsprEvents.METHOD, methodId);
        }
        event.error(RegistrationEvents.PROOF_FAILED);
    }

    @Override
    public void notOffered(String methodId) {
        failed(String.valueOf(methodId), SsprReasons.METHOD_NOT_OFFERED);
    }

    @Override
    public void blocked() {
        authSession.setAuthNote(NOTE_PROOF_IMPOSSIBLE, "blocked");
        failed(null, SsprReasons.TOO_MANY_ATTEMPTS);
    }

    @Override
    public boolean isBlocked() {
        return ledger().isBlocked(LedgerSubject.signedInOwner(user().getId()));
    }

    @Override
    public Optional<AttemptLedger.Attempt> reserve() {
        return ledger().reserve(LedgerSubject.signedInOwner(user().getId()));
    }

    private MethodProof proof() {
        if (proof == null) {
            List<SsprMethod> provers = provers();
            proof = new MethodProof(step.methods(), user(), ProofRules.of(provers, required(provers)), notes, this,
                    this);
        }
        return proof;
    }

    /**
     * The methods that may prove the owner before a change: never security questions, and never the office phone,
     * which comes from the directory, where by default the user may write their own {@code telephoneNumber}.
     */
    private List<SsprMethod> provers() {
        return MethodCatalogue.of().usableFor(step.methods(), user(), administrator()).stream()
                .filter(m -> m.factor() != Factor.SECURITY_QUESTIONS && m.factor() != Factor.OFFICE_PHONE)
                .toList();
    }

    private int required() {
        return proof != null ? proof.required() : required(provers());
    }

    /** What the policy asks before a change; users with fewer provers than that prove all they have. */
    private int required(List<SsprMethod> provers) {
        long available = provers.stream().map(m -> m.factorFor(step.methods(), user())).distinct().count();
        return (int) Math.min(available, step.methods().policy().methodsBeforeChangeFor(administrator()));
    }

    private static boolean provenRecently(AuthenticationSessionModel authSession) {
        String at = authSession.getAuthNote(NOTE_PROVEN_AT);
        return at != null && Time.currentTime() - Long.parseLong(at) <= VALID_SECONDS;
    }

    private static SessionProofNotes notes(AuthenticationSessionModel authSession) {
        return new SessionProofNotes(authSession, NOTE_PREFIX);
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
