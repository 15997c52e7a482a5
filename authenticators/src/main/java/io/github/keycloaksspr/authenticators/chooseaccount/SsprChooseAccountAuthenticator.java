package io.github.keycloaksspr.authenticators.chooseaccount;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.authenticators.captcha.AltchaCaptcha;
import io.github.keycloaksspr.authenticators.captcha.CaptchaCheck;
import io.github.keycloaksspr.authenticators.flow.FlowPolicy;
import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.core.audience.Ineligibility;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.audience.ResetEligibility;
import io.github.keycloaksspr.core.decoy.TypedNames;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * First step of the reset: the user names the account and solves a proof-of-work CAPTCHA. Nothing happens without a
 * valid, unused solution. Accounts that cannot reset continue on a decoy run (enumeration-safe mode), so the pages do
 * not tell whether an account exists; the event records the truth.
 */
public final class SsprChooseAccountAuthenticator extends SsprFlowStep {

    static final ResetStep STEP = ResetStep.CHOOSE_ACCOUNT;
    static final String FIELD_USERNAME = "username";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        FlowPolicy.of(context, STEP).ifPresent(policy -> context.challenge(page(context, context.form(), policy)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<SsprPolicy> maybePolicy = FlowPolicy.of(context, STEP);
        if (maybePolicy.isEmpty()) {
            return;
        }
        SsprPolicy policy = maybePolicy.get();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        EventBuilder event = SsprEvents.step(context.getEvent(), STEP);

        if (policy.captchaEnabled()) {
            CaptchaCheck captcha = AltchaCaptcha.forRealm(context.getSession(), context.getRealm())
                    .verify(form.getFirst(AltchaCaptcha.FORM_FIELD));
            if (!captcha.isValid()) {
                SsprEvents.failure(event, "captcha_" + captcha.name().toLowerCase(Locale.ROOT));
                context.challenge(page(context, context.form().setError(captchaMessage(captcha)), policy));
                return;
            }
        }
        String username = form.getFirst(FIELD_USERNAME);
        if (username == null || username.isBlank()) {
            SsprEvents.failure(event, "username_missing");
            context.challenge(page(context, context.form()
                    .addError(new FormMessage(FIELD_USERNAME, "missingUsernameMessage")), policy));
            return;
        }
        username = username.strip();
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, username);
        event.detail(Details.USERNAME, username);

        UserModel user = TypedNames.account(context.getSession(), context.getRealm(), username).orElse(null);
        MethodContext methods = new MethodContext(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), policy, context.getConnection().getRemoteAddr(),
                context.getSession().getContext().resolveLocale(user));
        Optional<String> home = Optional.empty();
        if (user != null) {
            event.user(user);
            home = new ResetAudience(context.getSession(), context.getRealm(), policy).guestHomeProvider(user);
            if (home.isPresent() && !policy.enumerationSafe()) {
                // Naming the home organisation tells a stranger that the account exists: only without enumeration
                // safety. With it, a guest walks the decoy run like any other name that cannot reset.
                SsprEvents.failure(event, Ineligibility.GUEST_ACCOUNT.reason());
                context.challenge(SsprPages.guest(context.form(), home.get()));
                return;
            }
        }
        Optional<Ineligibility> refusal = home.isPresent() ? Optional.of(Ineligibility.GUEST_ACCOUNT)
                : ResetEligibility.refusal(methods, user, MethodCatalogue.of());
        ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
        if (refusal.isPresent()) {
            SsprEvents.failure(event.detail(SsprEvents.DECOY, Boolean.toString(policy.enumerationSafe())),
                    refusal.get().reason());
            if (!policy.enumerationSafe()) {
                // Without enumeration safety the page may say why; a directory-disabled account needs the help desk.
                boolean directoryDisabled = refusal.get() == Ineligibility.USER_DISABLED
                        && ResetEligibility.disabledInDirectory(context.getSession(), context.getRealm(), user);
                context.challenge(page(context, context.form().setError(directoryDisabled
                        ? "ssprDirectoryAccountDisabled" : "ssprErrorNotEligible"), policy));
                return;
            }
            // Every spelling that reaches this account draws one stand-in and shares one ledger, as for a name that
            // leads nowhere: keyed by the account's own name, not by the spelling typed.
            state.startDecoy(refusal.get().reason(),
                    TypedNames.canonical(context.getRealm(), user != null ? user.getUsername() : username));
            context.clearUser();
            context.success();
            return;
        }
        // Not the flow's user yet: until identity is proven the account and its stand-ins must look alike (Keycloak's
        // layout shows a block for a set user, and the page language would follow the user's own setting).
        state.startFor(user.getId());
        context.clearUser();
        SsprEvents.progress(event, "account_chosen");
        context.success();
    }

    private static String captchaMessage(CaptchaCheck check) {
        return switch (check) {
            case MISSING -> "ssprCaptchaMissingMessage";
            case EXPIRED -> "ssprCaptchaExpiredMessage";
            default -> "ssprCaptchaInvalidMessage";
        };
    }

    private static Response page(AuthenticationFlowContext context, LoginFormsProvider form,
                             SsprPolicy policy) {
        String challenge = policy.captchaEnabled()
                ? AltchaCaptcha.forRealm(context.getSession(), context.getRealm())
                        .createChallengeJson(policy.captchaDifficulty())
                : null;
        return SsprPages.chooseAccount(form, challenge);
    }
}
