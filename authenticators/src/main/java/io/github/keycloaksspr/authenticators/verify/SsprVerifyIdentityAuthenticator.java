package io.github.keycloaksspr.authenticators.verify;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.authenticators.flow.MethodCatalogue;
import io.github.keycloaksspr.authenticators.flow.ResetAudience;
import io.github.keycloaksspr.authenticators.flow.ResetFlowState;
import io.github.keycloaksspr.authenticators.flow.SsprEvents;
import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.authenticators.flow.SsprPolicyLocator;
import io.github.keycloaksspr.authenticators.methods.AttemptCounter;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * N of M: the user proves identity with as many distinct registered methods as the policy requires (administrators
 * two, never questions). Decoy runs walk the same pages and end with the same generic message; nothing is sent.
 */
public final class SsprVerifyIdentityAuthenticator extends SsprFlowStep {

    static final String STEP = "verify-identity";
    static final String FIELD_METHOD = "method";
    static final String FIELD_BACK = "back";
    private static final Set<String> EXPIRED_REASONS = Set.of("code_expired", "no_live_code");

    /** The one message every unsuccessful ending shows, real or decoy. */
    public static final String NOT_VERIFIED = "ssprEndNotVerified";

    private static final Logger LOG = Logger.getLogger(SsprVerifyIdentityAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<Run> run = Run.of(context);
        if (run.isEmpty()) {
            return;
        }
        Run r = run.get();
        if (r.decoy()) {
            showSelection(context, r, null);
            return;
        }
        if (r.enoughVerified()) {
            context.success();
            return;
        }
        String current = r.state.currentMethod();
        if (current != null && r.offered().stream().anyMatch(m -> m.id().equals(current))) {
            startChallenge(context, r, current);
            return;
        }
        showSelection(context, r, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<Run> run = Run.of(context);
        if (run.isEmpty()) {
            return;
        }
        Run r = run.get();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(FIELD_BACK)) {
            r.state.leaveMethod();
            showSelection(context, r, null);
        } else if (form.containsKey(FIELD_METHOD)) {
            select(context, r, form.getFirst(FIELD_METHOD));
        } else if (r.state.currentMethod() != null) {
            answer(context, r, form);
        } else {
            showSelection(context, r, null);
        }
    }

    private void select(AuthenticationFlowContext context, Run r, String methodId) {
        boolean offered = (r.decoy() ? r.decoyOffered() : r.offered()).stream()
                .anyMatch(m -> m.id().equals(methodId));
        if (!offered) {
            // Not a choice on the page: a forged or stale post. Say nothing specific.
            SsprEvents.failure(r.event().detail(SsprEvents.METHOD, String.valueOf(methodId)), "method_not_offered");
            showSelection(context, r, "ssprErrorChooseMethod");
            return;
        }
        r.state.selectMethod(methodId);
        startChallenge(context, r, methodId);
    }

    private void startChallenge(AuthenticationFlowContext context, Run r, String methodId) {
        SsprMethod method = r.catalogue.find(r.method, methodId).orElseThrow();
        MethodChallenge challenge = r.decoy() ? method.decoyChallenge(r.method) : method.challenge(r.method, r.user);
        EventBuilder event = r.event().detail(SsprEvents.METHOD, methodId);
        if (!challenge.started()) {
            r.state.leaveMethod();
            SsprEvents.failure(event, challenge.reason());
            showSelection(context, r, challenge.errorKey());
            return;
        }
        context.challenge(SsprPages.verifyMethod(context.form(), methodId, challenge, r.step(), r.required()));
    }

    private void answer(AuthenticationFlowContext context, Run r, MultivaluedMap<String, String> form) {
        String methodId = r.state.currentMethod();
        SsprMethod method = r.catalogue.find(r.method, methodId).orElseThrow();
        EventBuilder event = r.event().detail(SsprEvents.METHOD, methodId);
        if (r.decoy()) {
            answerDecoy(context, r, method, event);
            return;
        }
        MethodOutcome outcome = method.verify(r.method, r.user, form);
        switch (outcome.status()) {
            case VERIFIED -> {
                r.state.recordVerified(r.user.getId(), methodId, method.factor());
                SsprEvents.success(event.detail(SsprEvents.VERIFIED_COUNT,
                        Integer.toString(r.state.verifiedFactors(r.user.getId()).size())), "method_verified");
                if (r.enoughVerified()) {
                    context.success();
                } else {
                    showSelection(context, r, null);
                }
            }
            case WRONG -> {
                SsprEvents.failure(event, outcome.reason());
                MethodChallenge again = method.challenge(r.method, r.user);
                Response page = SsprPages.verifyMethod(context.form().addError(new FormMessage("code",
                        outcome.errorKey())), methodId, again, r.step(), r.required());
                // Reported as a credential failure so that brute-force protection (category otp) counts it.
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
            }
            case SPENT -> {
                // A code that only expired may be sent again (within the budgets); a method answered wrongly
                // three times is over for this reset.
                if (!EXPIRED_REASONS.contains(outcome.reason())) {
                    r.state.markSpent(methodId);
                } else {
                    r.state.leaveMethod();
                }
                SsprEvents.failure(event, outcome.reason());
                if (r.offered().isEmpty()) {
                    SsprEvents.failure(r.event(), "no_methods_left");
                    context.forkWithErrorMessage(new FormMessage(NOT_VERIFIED));
                } else {
                    showSelection(context, r, outcome.errorKey());
                }
            }
        }
    }

    /**
     * A decoy answer is always wrong, exactly as a real user's wrong answers go: "not right" twice, then the method is
     * spent, and when every method is spent the same generic ending. Nothing tells a decoy from a real account.
     */
    private void answerDecoy(AuthenticationFlowContext context, Run r, SsprMethod method, EventBuilder event) {
        SsprEvents.failure(event.detail(SsprEvents.DECOY, "true"), r.state.decoyReason());
        MethodChallenge decoy = method.decoyChallenge(r.method);
        if (AttemptCounter.recordWrongAndCheckSpent(r.method, method.id())) {
            r.state.markSpent(method.id());
            showSelection(context, r, switch (decoy.kind()) {
                case QUESTIONS -> "ssprErrorQuestionsExhausted";
                case PASSKEY -> "ssprErrorPasskeyExhausted";
                case CODE -> "ssprErrorCodeExhausted";
            });
            return;
        }
        String error = switch (decoy.kind()) {
            case QUESTIONS -> "ssprErrorWrongAnswers";
            case PASSKEY -> "ssprErrorPasskeyFailed";
            case CODE -> "ssprErrorWrongCode";
        };
        context.challenge(SsprPages.verifyMethod(context.form().addError(new FormMessage("code", error)),
                method.id(), decoy, r.step(), r.required()));
    }

    private void showSelection(AuthenticationFlowContext context, Run r, String errorKey) {
        List<SsprMethod> methods = r.decoy() ? r.decoyOffered() : r.offered();
        if (methods.isEmpty()) {
            SsprEvents.failure(r.event(), "no_methods_left");
            context.forkWithErrorMessage(new FormMessage(NOT_VERIFIED));
            return;
        }
        List<SsprPages.MethodChoice> choices = methods.stream()
                .map(m -> new SsprPages.MethodChoice(m.id(), SsprPages.labelKey(m.id()),
                        r.decoy() ? "" : m.maskedHint(r.method, r.user)))
                .toList();
        var form = context.form();
        if (errorKey != null) {
            form.setError(errorKey);
        }
        context.challenge(SsprPages.selectMethod(form, choices, r.step(), r.required()));
    }

    /** Everything one request of this step needs, derived once. */
    private record Run(AuthenticationFlowContext flow, MethodContext method, ResetFlowState state, UserModel user,
                       boolean administrator, MethodCatalogue catalogue) {

        static Optional<Run> of(AuthenticationFlowContext context) {
            SsprPolicy policy;
            try {
                policy = SsprPolicyLocator.policyOf(context.getRealm(), context.getExecution());
            } catch (InvalidPolicyException e) {
                LOG.errorf("SSPR reset refused in realm %s: %s", context.getRealm().getName(), e.getMessage());
                SsprEvents.failure(SsprEvents.step(context.getEvent(), STEP), "invalid_policy");
                context.forkWithErrorMessage(new FormMessage(NOT_VERIFIED));
                return Optional.empty();
            }
            MethodContext method = new MethodContext(context.getSession(), context.getRealm(),
                    context.getAuthenticationSession(), policy, context.getConnection().getRemoteAddr(),
                    context.getSession().getContext().resolveLocale(context.getUser()));
            ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
            UserModel user = context.getUser();
            boolean decoy = state.isDecoy() || user == null || !state.isFor(user.getId());
            boolean administrator = !decoy
                    && new ResetAudience(context.getSession(), context.getRealm(), policy).isAdministrator(user);
            return Optional.of(new Run(context, method, state, decoy ? null : user, administrator, MethodCatalogue.of()));
        }

        boolean decoy() {
            return user == null;
        }

        int required() {
            return method.policy().methodsRequiredFor(administrator);
        }

        Set<String> verifiedFactors() {
            return decoy() ? Set.of() : state.verifiedFactors(user.getId());
        }

        boolean enoughVerified() {
            return !decoy() && verifiedFactors().size() >= required();
        }

        int step() {
            return Math.min(verifiedFactors().size() + 1, required());
        }

        /** Usable methods minus spent ones and minus factors already proven: nothing counts twice. */
        List<SsprMethod> offered() {
            if (decoy()) {
                return List.of();
            }
            Set<String> spent = state.spentMethods();
            Set<String> proven = verifiedFactors();
            return catalogue.usableFor(method, user, administrator).stream()
                    .filter(m -> !spent.contains(m.id()))
                    .filter(m -> !proven.contains(m.factor()))
                    .toList();
        }

        List<SsprMethod> decoyOffered() {
            Set<String> spent = state.spentMethods();
            return catalogue.decoyMethods(method).stream().filter(m -> !spent.contains(m.id())).toList();
        }

        EventBuilder event() {
            EventBuilder event = SsprEvents.step(flow.getEvent(), STEP);
            if (user != null) {
                event.user(user);
            }
            return event;
        }
    }
}
