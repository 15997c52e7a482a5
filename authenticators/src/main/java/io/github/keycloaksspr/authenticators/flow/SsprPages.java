package io.github.keycloaksspr.authenticators.flow;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The reset flow's own pages (the method list and the answer pages are {@link MethodPages}, which security-info
 * registration shares). Real and decoy runs go through these same methods, so they show the same titles and the same
 * form fields; only message keys and masked hints differ.
 */
public final class SsprPages {

    public static final String CHOOSE_ACCOUNT = "sspr-choose-account.ftl";
    public static final String UNLOCK_OR_RESET = "sspr-unlock-or-reset.ftl";
    public static final String GUEST = "sspr-guest.ftl";

    /** The one message every unsuccessful ending shows, real or decoy. */
    public static final String NOT_VERIFIED = "ssprEndNotVerified";
    /** Shown when the account (or the typed name, or the client address) is blocked from SSPR for now. */
    public static final String BLOCKED = "ssprErrorBlocked";

    private SsprPages() {
    }

    public static Response unlockOrReset(LoginFormsProvider form) {
        return form.createForm(UNLOCK_OR_RESET);
    }

    public static Response guest(LoginFormsProvider form, String homeProvider) {
        return form.setAttribute("ssprHomeProvider", homeProvider).createForm(GUEST);
    }

    /** {@code captchaChallengeJson} is null when the policy turns the CAPTCHA off. */
    public static Response chooseAccount(LoginFormsProvider form, String captchaChallengeJson) {
        if (captchaChallengeJson != null) {
            form.setAttribute("ssprCaptchaChallenge", captchaChallengeJson);
        }
        return form.createForm(CHOOSE_ACCOUNT);
    }
}
