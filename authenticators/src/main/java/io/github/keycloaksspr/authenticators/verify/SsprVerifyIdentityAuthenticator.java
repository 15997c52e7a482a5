package io.github.keycloaksspr.authenticators.verify;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import io.github.keycloaksspr.core.method.MethodPages;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * N of M: the user proves identity with as many distinct registered methods as the policy requires. The step reads
 * which transition a request asks for; a {@link Verification} of the account (or of a name's stand-in) carries it
 * out.
 */
public final class SsprVerifyIdentityAuthenticator extends SsprFlowStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        VerificationRun.of(context).ifPresent(Verification::resume);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        VerificationRun.of(context).ifPresent(run -> {
            MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
            if (form.containsKey(MethodPages.FIELD_BACK)) {
                run.back();
            } else if (form.containsKey(MethodPages.FIELD_METHOD)) {
                run.select(form.getFirst(MethodPages.FIELD_METHOD));
            } else if (run.hasCurrentMethod()) {
                run.answer(form);
            } else {
                run.showSelection();
            }
        });
    }
}
