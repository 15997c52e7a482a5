package io.github.keycloaksspr.authenticators.verify;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * N of M: the user proves identity with as many distinct registered methods as the policy requires. The step reads
 * which transition a request asks for; a {@link RealVerification} or a {@link DecoyVerification} carries it out, so
 * both walk the same pages.
 */
public final class SsprVerifyIdentityAuthenticator extends SsprFlowStep {

    static final String FIELD_METHOD = "method";
    static final String FIELD_BACK = "back";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        VerificationRun.of(context).ifPresent(VerificationRun::resume);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        VerificationRun.of(context).ifPresent(run -> {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            if (form.containsKey(FIELD_BACK)) {
                run.back();
            } else if (form.containsKey(FIELD_METHOD)) {
                run.select(form.getFirst(FIELD_METHOD));
            } else if (run.hasCurrentMethod()) {
                run.answer(form);
            } else {
                run.showSelection(null);
            }
        });
    }
}
