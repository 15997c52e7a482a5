package io.github.keycloaksspr.authenticators.verify;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.decoy.StandInUser;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.notice.ResetBlockedNotices;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.proof.MethodProof;
import io.github.keycloaksspr.core.proof.ProofLedger;
import io.github.keycloaksspr.core.proof.ProofListener;
import io.github.keycloaksspr.core.proof.ProofRules;
import io.github.keycloaksspr.core.proof.ProofStep;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * An account proves identity with its registered methods ({@link MethodProof}: administrators two, never questions),
 * on the reset's pages. A name that cannot reset walks the very same code as a {@link StandInUser} with made-up
 * registrations, on which no answer is ever right and to which nothing is ever sent; only the events tell the two
 * apart.
 */
final class Verification implements ProofListener, ProofLedger {

    private final VerifyRequest request;
    private final UserModel account;
    private final boolean standIn;
    private final MethodProof proof;

    Verification(VerifyRequest request, UserModel account) {
        this.request = request;
        this.account = account;
        this.standIn = StandInUser.isStandIn(account);
        SsprPolicy policy = request.methods().policy();
        boolean administrator = new ResetAudience(request.methods().session(), request.methods().realm(), policy)
                .isAdministrator(account);
        // Until a first proof the pages show what ordinary users need, for everybody: the number an administrator
        // must prove would tell a stranger who is one.
        ProofRules rules = new ProofRules(request.catalogue().usableForReset(request.methods(), account, administrator),
                policy.methodsRequiredFor(administrator), policy.methodsRequiredFor(false), standIn);
        this.proof = new MethodProof(request.methods(), account, rules, request.state().proofFor(account.getId()),
                this, this);
    }

    /** The step is entered or re-entered (a refresh, the back button). */
    void resume() {
        show(proof.resume());
    }

    /** The user picked a method from the list. */
    void select(String methodId) {
        show(proof.select(methodId));
    }

    /** The user answered the current method's challenge. */
    void answer(MultivaluedMap<String, String> form) {
        show(proof.answer(form));
    }

    /** The user left the current method's page for the method list. */
    void back() {
        show(proof.back());
    }

    /** The method list. */
    void showSelection() {
        show(proof.choose(null));
    }

    /** Whether a method has been picked and not yet left. */
    boolean hasCurrentMethod() {
        return proof.answering();
    }

    private void show(ProofStep step) {
        if (step instanceof ProofStep.ChooseMethod choose) {
            request.showMethods(choose);
        } else if (step instanceof ProofStep.AnswerMethod answer) {
            answerPage(answer);
        } else if (step instanceof ProofStep.Proven) {
            // From here on the flow's user is the account, as Keycloak's later steps expect.
            request.flow().setUser(account);
            request.flow().success();
        } else if (step instanceof ProofStep.Blocked) {
            request.endBlocked();
        } else {
            request.endNotVerified(event());
        }
    }

    /**
     * An answer page. An account's wrong answer is reported as a credential failure, so that brute-force protection
     * (category otp) counts it; a stand-in's is not: Keycloak would count it against whoever owns the typed name (an
     * unregistered or out-of-scope account), which a stranger could then lock out.
     */
    private void answerPage(ProofStep.AnswerMethod answer) {
        Response page = request.challengePage(answer);
        if (answer.wrongAnswer() && !standIn) {
            request.flow().failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            request.flow().challenge(page);
        }
    }

    @Override
    public void proven(SsprMethod method, int provenCount) {
        SsprEvents.progress(event().detail(SsprEvents.METHOD, method.id())
                .detail(SsprEvents.VERIFIED_COUNT, Integer.toString(provenCount)), "method_verified");
    }

    /** A stand-in's failures all carry why the name cannot reset, as every event of a decoy run does. */
    @Override
    public void failed(String methodId, String reason) {
        EventBuilder event = event();
        if (methodId != null) {
            event.detail(SsprEvents.METHOD, methodId);
        }
        SsprEvents.failure(event, standIn ? request.state().decoyReason() : reason);
    }

    @Override
    public void notOffered(String methodId) {
        request.refuseUnofferedMethod(event(), methodId);
    }

    @Override
    public void blocked() {
        SsprEvents.failure(event(), SsprReasons.TOO_MANY_ATTEMPTS);
    }

    @Override
    public boolean isBlocked() {
        return request.blocked();
    }

    @Override
    public Optional<AttemptLedger.Attempt> reserve() {
        return request.reserveAttempt();
    }

    /** Anyone who types the name can block the reset: the owner learns of it, out of band and once. */
    @Override
    public void subjectBlockedNow() {
        ResetBlockedNotices.queue(request.methods().session(), request.methods().realm(), account,
                request.methods().clientIp(), Time.currentTimeMillis(), request.methods().policy());
    }

    /** The run's event: the account, or for a stand-in the truth that it is one and why. */
    private EventBuilder event() {
        return standIn ? request.event().detail(SsprEvents.DECOY, "true") : request.event().user(account);
    }
}
