package io.github.keycloaksspr.helpdesk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.budget.SendFamily;
import io.github.keycloaksspr.core.code.NoteStore;
import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.notice.HelpDeskNotices;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.proof.MethodProof;
import io.github.keycloaksspr.core.proof.ProofLedger;
import io.github.keycloaksspr.core.proof.ProofListener;
import io.github.keycloaksspr.core.proof.ProofRules;
import io.github.keycloaksspr.core.proof.ProofStep;
import io.github.keycloaksspr.core.proof.SessionProofNotes;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An agent verifies a caller: a code goes to one of the caller's registered methods or to the account's own address
 * (or the caller reads the current code of their authenticator app), the caller reads it back, the agent types it. The reset's proof engine runs it,
 * with the caller's own attempt ledger: a caller cannot guess through an agent what they could not guess alone.
 * Administrators prove two methods. The proof lives in the cluster's single-use store, per agent and caller, and a
 * verification holds {@value #VERIFIED_SECONDS} seconds.
 */
final class CallerVerification implements ProofListener, ProofLedger {

    static final long VERIFIED_SECONDS = 900;
    static final String UNVERIFIED = "unverified";
    /** What a caller can read to an agent over the phone: codes, never answers to questions or a passkey. */
    static final Set<String> READABLE = Set.of(SsprMethodIds.SMS, SsprMethodIds.VOICE, SsprMethodIds.EMAIL,
            SsprMethodIds.TOTP);
    /** The methods whose choice sends something, and so draws on the help desk's ceilings. */
    static final Set<String> SENDING = Set.of(SsprMethodIds.SMS, SsprMethodIds.VOICE, SsprMethodIds.EMAIL,
            SsprMethodIds.ACCOUNT_EMAIL);

    private static final Logger LOG = Logger.getLogger(CallerVerification.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel agent;
    private final UserModel caller;
    private final AttemptLedger ledger;
    private final NoteStore store;
    private final SsprPolicy policy;
    private final String agentAddress;
    private final MethodProof proof;
    private final HelpDeskCeilings ceilings;

    CallerVerification(KeycloakSession session, RealmModel realm, SsprPolicy policy, UserModel agent,
                       UserModel caller, String agentAddress) {
        this.ceilings = new HelpDeskCeilings(session, realm, policy.helpDesk(), agent);
        this.session = session;
        this.realm = realm;
        this.agent = agent;
        this.caller = caller;
        this.ledger = AttemptLedger.of(session, realm, policy.attempts());
        this.policy = policy;
        this.agentAddress = agentAddress;
        this.store = NoteStore.clusterNotes(session, "sspr:helpdesk:" + agent.getId() + ":" + caller.getId() + ":",
                VERIFIED_SECONDS);
        MethodContext methods = new MethodContext(session, realm, null, policy, agentAddress,
                session.getContext().resolveLocale(caller), SendFamily.RESET, store);
        boolean privileged = HelpDeskRole.privileged(session, realm, policy, caller);
        List<SsprMethod> readable = new ArrayList<>(MethodCatalogue.of().usableFor(methods, caller, privileged)
                .stream().filter(m -> READABLE.contains(m.id())).toList());
        // The account's own address falls with the password: only for a caller who lost every method they could read
        // a code from, and never for administrators or agents, who prove two registered methods.
        if (readable.isEmpty() && !privileged) {
            MethodCatalogue.of().find(methods, SsprMethodIds.ACCOUNT_EMAIL)
                    .filter(m -> m.isRegistered(methods, caller)).ifPresent(readable::add);
        }
        // Only the agent's choices send: each one is counted against the help desk's ceilings.
        this.proof = new MethodProof(methods, caller, ProofRules.of(readable, privileged ? 2 : 1).chosenOnly(),
                new SessionProofNotes(store, "proof"), this, this);
    }

    /** Whether this agent verified the caller: never a step of the proof, which could send a code. */
    Map<String, Object> state() {
        return verified() ? verifiedJson() : new LinkedHashMap<>(Map.of("state", UNVERIFIED));
    }

    /** Sends a code to that method (within the help desk's ceilings), or asks for the app's code. */
    Map<String, Object> select(String methodId) {
        if (SENDING.contains(methodId)) {
            Optional<HelpDeskEvents.Ceiling> reached = ceilings.chargeCode();
            if (reached.isPresent()) {
                Map<String, Object> json = json(proof.choose(null));
                json.put("error", reached.get().error());
                json.put("ceiling", reached.get().id());
                return json;
            }
        }
        return json(proof.select(methodId));
    }

    Map<String, Object> answer(MultivaluedMap<String, String> form) {
        return json(proof.answer(form));
    }

    /** Starts afresh: the agent picks another caller's method, or the caller called again. */
    Map<String, Object> restart() {
        new SessionProofNotes(store, "proof").clear();
        store.remove("verifiedAt");
        return json(proof.choose(null));
    }

    boolean verified() {
        return store.get("verifiedAt") != null;
    }

    private Map<String, Object> json(ProofStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (step instanceof ProofStep.ChooseMethod choose) {
            json.put("state", "choose");
            json.put("methods", choose.choices().stream().map(c -> Map.of("id", c.id(), "labelKey", c.labelKey(),
                    "hint", c.hint(), "unavailableKey", c.available() ? "" : c.unavailableKey())).toList());
            json.put("step", choose.step());
            json.put("of", choose.of());
            Optional.ofNullable(choose.errorKey()).ifPresent(error -> json.put("error", error));
            if (!choose.errorArgs().isEmpty()) {
                json.put("errorArgs", choose.errorArgs());
            }
        } else if (step instanceof ProofStep.AnswerMethod answer) {
            json.put("state", "answer");
            json.put("method", answer.methodId());
            json.put("hint", answer.challenge().instructionArgs().isEmpty() ? ""
                    : answer.challenge().instructionArgs().get(0));
            json.put("step", answer.step());
            json.put("of", answer.of());
            Optional.ofNullable(answer.errorKey()).ifPresent(error -> json.put("error", error));
        } else if (step instanceof ProofStep.Proven) {
            store.put("verifiedAt", Long.toString(Time.currentTimeMillis()));
            // The owner learns of it at every contact: a caller who pretended to be them is found out.
            HelpDeskNotices.queueVerified(session, realm, caller, agentAddress, Time.currentTimeMillis(), policy);
            return verifiedJson();
        } else if (step instanceof ProofStep.Blocked) {
            json.put("state", "blocked");
            json.put("error", MethodProof.BLOCKED_KEY);
        } else {
            json.put("state", "nothing_left");
        }
        return json;
    }

    private Map<String, Object> verifiedJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", HelpDeskEvents.VERIFIED);
        json.put("validSeconds", VERIFIED_SECONDS);
        return json;
    }

    @Override
    public void proven(SsprMethod method, int provenCount) {
        LOG.infof("SSPR help desk: agent %s verified %s of user %s in realm %s (%d proven)", agent.getUsername(),
                method.id(), caller.getId(), realm.getName(), provenCount);
    }

    @Override
    public void failed(String methodId, String reason) {
        LOG.infof("SSPR help desk: agent %s, user %s in realm %s: %s failed (%s)", agent.getUsername(),
                caller.getId(), realm.getName(), methodId, reason);
    }

    @Override
    public void notOffered(String methodId) {
        failed(methodId, "method_not_offered");
    }

    @Override
    public void blocked() {
        failed(null, "too_many_attempts");
    }

    @Override
    public boolean isBlocked() {
        return ledger.isBlocked(LedgerSubject.account(caller.getId()));
    }

    @Override
    public Optional<AttemptLedger.Attempt> reserve() {
        return ledger.reserve(LedgerSubject.account(caller.getId()));
    }
}
