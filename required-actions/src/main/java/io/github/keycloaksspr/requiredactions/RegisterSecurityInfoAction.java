package io.github.keycloaksspr.requiredactions;

import io.github.keycloaksspr.core.registration.RegistrationSettings;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.KeycloakCredentialVetting;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.registration.ConfirmationRecord;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;

/**
 * Security-info registration: at sign-in, users in SSPR scope with too few methods, or whose last confirmation is older
 * than the reconfirm period, see one page that lists their methods, adds one (phone and alternate email count only
 * after a code sent to them comes back; security questions; authenticator app and passkey through Keycloak's own
 * setup), removes one (never below the required count) and confirms. The Account Console's "Set up" opens the same
 * page (application-initiated action).
 */
public final class RegisterSecurityInfoAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = RegistrationEvents.ACTION_ID;
    public static final String TEMPLATE = "sspr-register-security-info.ftl";

    static final String FIELD_ACTION = "action";
    static final String FIELD_REMOVE = "removeCredential";
    /** Form actions that add or replace security info: they need a recent proof of an existing method. */
    private static final Set<String> CHANGES = Set.of("add-phone", "add-email", "verify", "setup-questions",
            "save-questions", "setup-totp", "setup-passkey");

    private static final Logger LOG = Logger.getLogger(RegisterSecurityInfoAction.class);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        KeycloakCredentialVetting.firstSight(context.getSession(), context.getUser(), Time.currentTimeMillis());
        Optional<RegistrationSettings> settings = settings(context);
        Optional<SsprPolicy> policy = policy(context);
        if (policy.isEmpty()) {
            return;
        }
        // Read once per sign-in: the history and the trigger look at the same security info.
        SecurityInfo info = SecurityInfo.of(methodContext(context, policy.get()), context.getUser());
        RegistrationHistory.record(context.getSession(), context.getRealm(), context.getUser(), info);
        if (settings.isPresent() && RegistrationTrigger.due(context, settings.get(), info)) {
            context.getAuthenticationSession().addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        RegistrationStep step = step(context);
        SecurityInfoProof.forgetPendingMethod(context.getAuthenticationSession());
        PendingChange.forget(context.getAuthenticationSession());
        SetupHandOff.vetWhatWasSetUp(step);
        if (!isAppInitiated(context)) {
            ConfirmationRecord.prompted(context.getSession(), context.getUser(), Time.currentTime());
        }
        step.page().show();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        RegistrationStep step = step(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = Optional.ofNullable(form.getFirst(FIELD_ACTION)).orElse("");
        SecurityInfoProof proof = new SecurityInfoProof(step);
        if (proof.answers(form)) {
            proof.handle(form);
            return;
        }
        boolean change = form.getFirst(FIELD_REMOVE) != null || CHANGES.contains(action);
        if (change && !proof.satisfied()) {
            ContactRegistration.clearPending(step);
            PendingChange.keep(step.authSession(), form);
            proof.ask();
            return;
        }
        apply(step, form);
    }

    /** After a proof: the change the user asked for before it, or the page saying they may change now. */
    static void continueAfterProof(RegistrationStep step) {
        Optional<MultivaluedMap<String, String>> change = PendingChange.take(step.authSession());
        if (change.isPresent()) {
            apply(step, change.get());
        } else {
            step.page().success("ssprRegisterProofDone").show();
        }
    }

    private static void apply(RegistrationStep step, MultivaluedMap<String, String> form) {
        String action = Optional.ofNullable(form.getFirst(FIELD_ACTION)).orElse("");
        if (form.getFirst(FIELD_REMOVE) != null) {
            remove(step, form.getFirst(FIELD_REMOVE));
            return;
        }
        if ("add-phone".equals(action) && isBlank(form.getFirst(ContactRegistration.FIELD_PHONE))
                && !isBlank(form.getFirst(ContactRegistration.FIELD_EMAIL))) {
            // Enter in the email field presses the first button of the form, "add phone".
            action = "add-email";
        }
        SetupHandOff handOff = SetupHandOff.forFormAction(action);
        if (handOff != null) {
            handOff.start(step);
            return;
        }
        switch (action) {
            case "add-phone" -> ContactRegistration.addPhone(step, form.getFirst(ContactRegistration.FIELD_PHONE));
            case "add-email" -> ContactRegistration.addEmail(step, form.getFirst(ContactRegistration.FIELD_EMAIL));
            case "verify" -> ContactRegistration.verify(step, form.getFirst(CodeChallenges.CODE_FIELD));
            case "setup-questions" -> QuestionsRegistration.showForm(step);
            case "save-questions" -> QuestionsRegistration.save(step, form);
            case "cancel" -> {
                ContactRegistration.clearPending(step);
                step.page().show();
            }
            case "confirm" -> confirm(step);
            case "skip" -> skip(step);
            default -> step.page().show();
        }
    }

    private static void confirm(RegistrationStep step) {
        SecurityInfo info = step.securityInfo();
        if (info.missing()) {
            step.event(EventType.CUSTOM_REQUIRED_ACTION)
                    .detail(SsprEvents.REASON, SsprReasons.BELOW_REQUIRED).error(RegistrationEvents.CONFIRM_REFUSED);
            step.page().error(null, "ssprRegisterBelowRequired").show();
            return;
        }
        ContactRegistration.clearPending(step);
        step.authSession().removeAuthNote(SetupHandOff.NOTE_RETURN);
        ConfirmationRecord.confirm(step.context().getSession(), step.user(), Time.currentTime());
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.CONFIRMED)
                .detail(SsprEvents.REGISTERED, Integer.toString(info.registered())).success();
        step.context().success();
    }

    /** "Not now": allowed only within the grace period, and it records nothing as confirmed. */
    private static void skip(RegistrationStep step) {
        if (!maySkip(step)) {
            step.event(EventType.CUSTOM_REQUIRED_ACTION)
                    .detail(SsprEvents.REASON, SsprReasons.GRACE_PERIOD_OVER).error(RegistrationEvents.SKIP_REFUSED);
            step.page().error(null, "ssprRegisterSkipRefused").show();
            return;
        }
        ContactRegistration.clearPending(step);
        step.authSession().removeAuthNote(SetupHandOff.NOTE_RETURN);
        RegistrationTrigger.skippedForThisSignIn(step.authSession());
        step.event(EventType.CUSTOM_REQUIRED_ACTION).detail(SsprEvents.STEP, RegistrationEvents.SKIPPED).success();
        step.context().success();
    }

    static boolean maySkip(RegistrationStep step) {
        return !isAppInitiated(step.context()) && (step.settings().maySkip(
                ConfirmationRecord.promptedAt(step.context().getSession(), step.user()).orElse(null), Time.currentTime())
                || SecurityInfoProof.impossibleNow(step.authSession())
                // A bounced contact is news, not a requirement: it never keeps a user with enough methods out.
                || !step.securityInfo().missing() && RegistrationTrigger.unreachableContact(step.user()));
    }

    private static void remove(RegistrationStep step, String credentialId) {
        UserModel user = step.user();
        CredentialModel credential = credentialId == null ? null
                : user.credentialManager().getStoredCredentialById(credentialId);
        // The pack's methods and Keycloak's own second factors (removed here, not by Keycloak's "Remove", while this
        // page is enabled: see GuardedDeleteCredentialAction).
        Optional<Factor> factor = credential == null ? Optional.empty()
                : Factor.ofPackCredentialType(credential.getType())
                        .or(() -> Factor.ofKeycloakCredentialType(credential.getType()));
        if (factor.isEmpty()) {
            step.page().error(null, "ssprRegisterRemoveUnknown").show();
            return;
        }
        boolean lastOfType = SsprCredentials.ofType(user, credential.getType()).count() <= 1;
        if (lastOfType && step.securityInfo().removalLeavesTooFew(factor.get())) {
            step.event(EventType.REMOVE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, credential.getType())
                    .detail(SsprEvents.REASON, SsprReasons.BELOW_REQUIRED).error(RegistrationEvents.REMOVE_REFUSED);
            step.page().error(null, "ssprRegisterRemoveRefused").show();
            return;
        }
        step.rememberContacts();
        user.credentialManager().removeStoredCredentialById(credentialId);
        step.announce(SecurityInfoNotices.REMOVED, credential.getType());
        step.event(EventType.REMOVE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, credential.getType()).success();
        step.page().success("ssprRegisterMethodRemoved").show();
    }

    private static boolean isAppInitiated(RequiredActionContext context) {
        return PROVIDER_ID.equals(context.getAuthenticationSession()
                .getClientNote(Constants.KC_ACTION_EXECUTING));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static RegistrationStep step(RequiredActionContext context) {
        SsprPolicy policy = policy(context).orElse(SsprPolicy.DEFAULTS);
        return new RegistrationStep(context, methodContext(context, policy),
                settings(context).orElse(RegistrationSettings.DEFAULTS));
    }

    private static Optional<RegistrationSettings> settings(RequiredActionContext context) {
        RequiredActionConfigModel config = context.getConfig();
        try {
            return Optional.of(RegistrationSettings.from(config == null ? null : config.getConfig()));
        } catch (InvalidPolicyException e) {
            LOG.warnf("SSPR: %s required action in realm %s has an unusable config: %s", PROVIDER_ID,
                    context.getRealm().getName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<SsprPolicy> policy(RequiredActionContext context) {
        return ResetPolicyResolver.forRealm(context.getRealm(), "security info is not asked for at sign-in");
    }

    private static MethodContext methodContext(RequiredActionContext context, SsprPolicy policy) {
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        // Signed in with the password: codes of this page draw on the owner's budgets, not the anonymous reset's.
        return new MethodContext(context.getSession(), context.getRealm(), context.getAuthenticationSession(), policy,
                context.getConnection().getRemoteAddr(), locale).signedIn();
    }

    @Override
    public void close() {
    }
}
