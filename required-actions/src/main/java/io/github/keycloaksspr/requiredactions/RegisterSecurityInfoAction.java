package io.github.keycloaksspr.requiredactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.authenticators.flow.SsprPolicyLocator;
import io.github.keycloaksspr.authenticators.methods.CodeChallenges;
import io.github.keycloaksspr.authenticators.methods.Masking;
import io.github.keycloaksspr.authenticators.methods.SmsCodeMethod;
import io.github.keycloaksspr.authenticators.methods.ThemeMessages;
import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.email.EmailAddresses;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Security-info registration: at sign-in, users in SSPR scope with too few methods, or whose last confirmation is older
 * than the reconfirm period, see one page that lists their methods, adds a phone or an alternate email (each counts
 * only after a code sent to it comes back), removes one (never below the required count) and confirms.
 */
public final class RegisterSecurityInfoAction implements RequiredActionProvider {

    public static final String PROVIDER_ID = "sspr-register-security-info";
    /** Epoch seconds (server time, so the test framework's offset applies) of the last "Looks good". */
    public static final String CONFIRMED_AT_ATTRIBUTE = "sspr.confirmedAt";
    public static final String TEMPLATE = "sspr-register-security-info.ftl";

    /** Code purposes distinct from the reset flow's, so a reset code never registers a method and vice versa. */
    static final String PURPOSE_SMS = "register-sms";
    static final String PURPOSE_EMAIL = "register-email";

    static final String NOTE_PENDING_PURPOSE = "sspr.register.pendingPurpose";
    static final String NOTE_PENDING_DESTINATION = "sspr.register.pendingDestination";
    /** Set while Keycloak's own setup action runs, so the page comes back afterwards. */
    static final String NOTE_RETURN = "sspr.register.return";
    static final String CONFIGURE_TOTP = UserModel.RequiredAction.CONFIGURE_TOTP.name();

    static final String FIELD_ACTION = "action";
    static final String FIELD_PHONE = "phone";
    static final String FIELD_EMAIL = "email";
    static final String FIELD_REMOVE = "removeCredential";

    private static final Logger LOG = Logger.getLogger(RegisterSecurityInfoAction.class);

    /** Factors shown by name only (set up elsewhere); their message keys. */
    private static final Map<String, String> OTHER_FACTOR_KEYS = Map.of(
            "authenticator-app", "ssprRegisterFactorAuthenticatorApp",
            "passkey", "ssprRegisterFactorPasskey",
            "security-questions", "ssprRegisterFactorQuestions",
            "office-phone", "ssprRegisterFactorOfficePhone");

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        Optional<RegistrationSettings> settings = settings(context);
        Optional<SsprPolicy> policy = policy(context);
        if (settings.isEmpty() || policy.isEmpty()) {
            return;
        }
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getRequiredActions().contains(CONFIGURE_TOTP)) {
            // Handed off to Keycloak's authenticator-app setup: come back once it is done.
            return;
        }
        if (authSession.getAuthNote(NOTE_RETURN) != null) {
            authSession.addRequiredAction(PROVIDER_ID);
            return;
        }
        Long confirmedAt = confirmedAt(user);
        if (!settings.get().requireAtSignIn() && confirmedAt == null) {
            return;
        }
        SecurityInfo info = SecurityInfo.of(methodContext(context, policy.get()), user);
        if (!info.inScope()) {
            return;
        }
        if (settings.get().requireAtSignIn() && info.missing()
                || settings.get().reconfirmationDue(confirmedAt, Time.currentTime())) {
            context.getAuthenticationSession().addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, methodContext(context, policy(context).orElse(SsprPolicy.DEFAULTS)), null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MethodContext methods = methodContext(context, policy(context).orElse(SsprPolicy.DEFAULTS));
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = Optional.ofNullable(form.getFirst(FIELD_ACTION)).orElse("");
        if (form.getFirst(FIELD_REMOVE) != null) {
            remove(context, methods, form.getFirst(FIELD_REMOVE));
            return;
        }
        if ("add-phone".equals(action) && isBlank(form.getFirst(FIELD_PHONE)) && !isBlank(form.getFirst(FIELD_EMAIL))) {
            // Enter in the email field presses the first button of the form, "add phone".
            action = "add-email";
        }
        switch (action) {
            case "add-phone" -> addPhone(context, methods, form.getFirst(FIELD_PHONE));
            case "add-email" -> addEmail(context, methods, form.getFirst(FIELD_EMAIL));
            case "verify" -> verify(context, methods, form.getFirst(CodeChallenges.CODE_FIELD));
            case "cancel" -> {
                clearPending(context);
                context.challenge(page(context, methods, null));
            }
            case "confirm" -> confirm(context, methods);
            case "setup-totp" -> setUpAuthenticatorApp(context, methods);
            default -> context.challenge(page(context, methods, null));
        }
    }

    private void addPhone(RequiredActionContext context, MethodContext methods, String input) {
        String number = input == null ? "" : input.replaceAll("[\\s()./-]", "");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (!phoneAvailable(methods)) {
            context.challenge(page(context, methods, new FormMessage(FIELD_PHONE, "ssprRegisterPhoneUnavailable")));
            return;
        }
        if (!PhoneNumbers.isE164(number)) {
            String key = number.startsWith("0") ? "ssprRegisterPhoneNational" : "ssprRegisterPhoneInvalid";
            context.challenge(page(context, methods, new FormMessage(FIELD_PHONE, key)));
            return;
        }
        String destination = number;
        UserModel user = context.getUser();
        startChallenge(context, methods, PURPOSE_SMS, destination, "ssprRegisterSmsSent", Masking.phone(destination),
                code -> context.getSession().getProvider(PhoneGateway.class).sendSms(destination,
                        ThemeMessages.format(methods, "ssprSmsCodeText", SmsCodeMethod.realmName(methods), code)),
                user);
    }

    private void addEmail(RequiredActionContext context, MethodContext methods, String input) {
        if (!methods.policy().methods().contains(SsprMethodIds.EMAIL)) {
            context.challenge(page(context, methods, new FormMessage(FIELD_EMAIL, "ssprRegisterEmailUnavailable")));
            return;
        }
        if (input == null || !EmailAddresses.isValid(input.trim())) {
            context.challenge(page(context, methods, new FormMessage(FIELD_EMAIL, "ssprRegisterEmailInvalid")));
            return;
        }
        String address = EmailAddresses.normalize(input.trim());
        UserModel user = context.getUser();
        startChallenge(context, methods, PURPOSE_EMAIL, address, "ssprRegisterEmailSent", Masking.email(address),
                code -> sendEmail(methods, user, address, code), user);
    }

    private void startChallenge(RequiredActionContext context, MethodContext methods, String purpose,
                                String destination, String instructionKey, String hint,
                                CodeChallenges.CodeSender sender, UserModel user) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!destination.equals(authSession.getAuthNote(NOTE_PENDING_DESTINATION))) {
            // A live code belongs to the destination it was sent to: a new destination needs its own code.
            io.github.keycloaksspr.core.code.OneTimeCodes.of(context.getSession(), authSession).discard(purpose);
        }
        MethodChallenge challenge = CodeChallenges.challenge(methods, user, purpose, destination, instructionKey, hint,
                sender);
        EventBuilder event = context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail("sspr_step", "code-sent").detail("sspr_purpose", purpose);
        if (!challenge.started()) {
            event.detail("sspr_reason", challenge.reason()).error("sspr_send_refused");
            clearPending(context);
            context.challenge(page(context, methods, new FormMessage(null, challenge.errorKey())));
            return;
        }
        event.success();
        authSession.setAuthNote(NOTE_PENDING_PURPOSE, purpose);
        authSession.setAuthNote(NOTE_PENDING_DESTINATION, destination);
        context.challenge(page(context, methods, null));
    }

    private void verify(RequiredActionContext context, MethodContext methods, String code) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String purpose = authSession.getAuthNote(NOTE_PENDING_PURPOSE);
        String destination = authSession.getAuthNote(NOTE_PENDING_DESTINATION);
        if (purpose == null || destination == null) {
            context.challenge(page(context, methods, new FormMessage(null, "ssprErrorCodeExpired")));
            return;
        }
        MethodOutcome outcome = CodeChallenges.verify(methods, purpose, code == null ? "" : code.trim());
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail("sspr_purpose", purpose).detail("sspr_reason", outcome.reason());
        switch (outcome.status()) {
            case VERIFIED -> {
                UserModel user = context.getUser();
                CredentialModel credential = PURPOSE_SMS.equals(purpose)
                        ? MobilePhoneCredentialModel.createFor(destination)
                        : AlternateEmailCredentialModel.createFor(destination);
                if (!alreadyRegistered(user, purpose, destination)) {
                    user.credentialManager().createStoredCredential(credential);
                }
                event.detail(Details.CREDENTIAL_TYPE, credential.getType()).success();
                clearPending(context);
                context.challenge(page(context, methods, null, "ssprRegisterMethodAdded"));
            }
            case WRONG -> {
                event.error("invalid_code");
                context.challenge(page(context, methods, new FormMessage(CodeChallenges.CODE_FIELD, outcome.errorKey())));
            }
            case SPENT -> {
                event.error("expired_code");
                clearPending(context);
                context.challenge(page(context, methods, new FormMessage(null, outcome.errorKey())));
            }
        }
    }

    private void remove(RequiredActionContext context, MethodContext methods, String credentialId) {
        UserModel user = context.getUser();
        CredentialModel credential = credentialId == null ? null
                : user.credentialManager().getStoredCredentialById(credentialId);
        String factor = credential == null ? null : removableFactor(credential.getType());
        if (factor == null) {
            context.challenge(page(context, methods, new FormMessage(null, "ssprRegisterRemoveUnknown")));
            return;
        }
        boolean lastOfType = SsprCredentials.ofType(user, credential.getType()).count() <= 1;
        if (lastOfType && SecurityInfo.of(methods, user).removalLeavesTooFew(factor)) {
            context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL)
                    .detail(Details.CREDENTIAL_TYPE, credential.getType())
                    .detail("sspr_reason", "below_required").error("sspr_remove_refused");
            context.challenge(page(context, methods, new FormMessage(null, "ssprRegisterRemoveRefused")));
            return;
        }
        user.credentialManager().removeStoredCredentialById(credentialId);
        context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, credential.getType()).success();
        context.challenge(page(context, methods, null, "ssprRegisterMethodRemoved"));
    }

    /** Hands off to Keycloak's CONFIGURE_TOTP; the trigger brings this page back when it is done. */
    private void setUpAuthenticatorApp(RequiredActionContext context, MethodContext methods) {
        if (!totpAvailable(context, methods)) {
            context.challenge(page(context, methods, new FormMessage(null, "ssprRegisterTotpUnavailable")));
            return;
        }
        clearPending(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.addRequiredAction(CONFIGURE_TOTP);
        authSession.setAuthNote(NOTE_RETURN, "totp");
        context.success();
    }

    private static boolean totpAvailable(RequiredActionContext context, MethodContext methods) {
        org.keycloak.models.RequiredActionProviderModel totp = context.getRealm()
                .getRequiredActionProviderByAlias(CONFIGURE_TOTP);
        return methods.policy().methods().contains(SsprMethodIds.TOTP) && totp != null && totp.isEnabled();
    }

    private void confirm(RequiredActionContext context, MethodContext methods) {
        UserModel user = context.getUser();
        SecurityInfo info = SecurityInfo.of(methods, user);
        if (info.missing()) {
            context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                    .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                    .detail("sspr_reason", "below_required").error("sspr_confirm_refused");
            context.challenge(page(context, methods, new FormMessage(null, "ssprRegisterBelowRequired")));
            return;
        }
        clearPending(context);
        context.getAuthenticationSession().removeAuthNote(NOTE_RETURN);
        user.setSingleAttribute(CONFIRMED_AT_ATTRIBUTE, Long.toString(Time.currentTime()));
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, PROVIDER_ID)
                .detail("sspr_registered", Integer.toString(info.registered())).success();
        context.success();
    }

    private Response page(RequiredActionContext context, MethodContext methods, FormMessage error) {
        return page(context, methods, error, null);
    }

    private Response page(RequiredActionContext context, MethodContext methods, FormMessage error, String success) {
        UserModel user = context.getUser();
        SecurityInfo info = SecurityInfo.of(methods, user);
        List<Map<String, String>> phones = new ArrayList<>();
        SsprCredentials.mobilePhones(user).forEach(p -> phones.add(Map.of("id", p.getId(),
                "masked", Masking.phone(p.number()))));
        List<Map<String, String>> emails = new ArrayList<>();
        SsprCredentials.alternateEmails(user).forEach(e -> emails.add(Map.of("id", e.getId(),
                "masked", Masking.email(e.email()))));
        List<String> others = info.factors().stream().map(OTHER_FACTOR_KEYS::get)
                .filter(java.util.Objects::nonNull).toList();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String purpose = authSession.getAuthNote(NOTE_PENDING_PURPOSE);
        String destination = authSession.getAuthNote(NOTE_PENDING_DESTINATION);
        LoginFormsProvider form = context.form()
                .setAttribute("ssprPhones", phones)
                .setAttribute("ssprEmails", emails)
                .setAttribute("ssprOtherMethods", others)
                .setAttribute("ssprRegistered", info.registered())
                .setAttribute("ssprRequired", info.required())
                .setAttribute("ssprComplete", !info.missing())
                .setAttribute("ssprPhoneAvailable", phoneAvailable(methods))
                .setAttribute("ssprEmailAvailable", methods.policy().methods().contains(SsprMethodIds.EMAIL))
                .setAttribute("ssprTotpAvailable", totpAvailable(context, methods)
                        && !info.factors().contains("authenticator-app"))
                .setAttribute("ssprPending", purpose == null ? "" : PURPOSE_SMS.equals(purpose) ? "sms" : "email")
                .setAttribute("ssprPendingHint", destination == null ? ""
                        : PURPOSE_SMS.equals(purpose) ? Masking.phone(destination) : Masking.email(destination));
        if (error != null) {
            form.addError(error);
        } else if (success != null) {
            form.setSuccess(success);
        }
        return form.createForm(TEMPLATE);
    }

    private static boolean phoneAvailable(MethodContext methods) {
        List<String> enabled = methods.policy().methods();
        if (!enabled.contains(SsprMethodIds.SMS) && !enabled.contains(SsprMethodIds.VOICE)) {
            return false;
        }
        PhoneGateway gateway = methods.session().getProvider(PhoneGateway.class);
        return gateway != null && gateway.isConfigured();
    }

    private static String removableFactor(String credentialType) {
        if (SsprCredentialTypes.MOBILE_PHONE.equals(credentialType)) {
            return "mobile-phone";
        }
        if (SsprCredentialTypes.ALTERNATE_EMAIL.equals(credentialType)) {
            return "alternate-email";
        }
        return null;
    }

    private static boolean alreadyRegistered(UserModel user, String purpose, String destination) {
        return PURPOSE_SMS.equals(purpose)
                ? SsprCredentials.mobilePhones(user).anyMatch(p -> p.number().equals(destination))
                : SsprCredentials.alternateEmails(user).anyMatch(e -> e.email().equals(destination));
    }

    private static void sendEmail(MethodContext methods, UserModel user, String address, String code)
            throws Exception {
        // Keycloak adds its own entries (user, realm, locale...) to both collections: they must be mutable.
        List<Object> subjectArgs = new ArrayList<>(List.of(SmsCodeMethod.realmName(methods)));
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "ttlMinutes",
                methods.policy().codeLifetime().toMinutes()));
        methods.session().getProvider(EmailTemplateProvider.class)
                .setRealm(methods.realm())
                .setUser(user)
                .setAuthenticationSession(methods.authSession())
                .send("ssprEmailCodeSubject", subjectArgs, "sspr-code.ftl", body, address);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void clearPending(RequiredActionContext context) {
        context.getAuthenticationSession().removeAuthNote(NOTE_PENDING_PURPOSE);
        context.getAuthenticationSession().removeAuthNote(NOTE_PENDING_DESTINATION);
    }

    private static Long confirmedAt(UserModel user) {
        String value = user.getFirstAttribute(CONFIRMED_AT_ATTRIBUTE);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
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
        try {
            return Optional.of(SsprPolicyLocator.policyOfRealm(context.getRealm()));
        } catch (InvalidPolicyException e) {
            LOG.warnf("SSPR: reset policy of realm %s is unusable: %s", context.getRealm().getName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static MethodContext methodContext(RequiredActionContext context, SsprPolicy policy) {
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        return new MethodContext(context.getSession(), context.getRealm(), context.getAuthenticationSession(), policy,
                context.getConnection().getRemoteAddr(), locale);
    }

    @Override
    public void close() {
        // no state
    }
}
