package io.github.keycloaksspr.requiredactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Which posts of the security-info page the proof takes: its own pages' (a method picked, back, an answer to the
 * method being answered), never a change button's, so that a change can never pass for a proof nor a proof be skipped
 * by posting a change with a stale code.
 */
class SecurityInfoProofRoutingTest {

    private final Map<String, String> notes = new HashMap<>();
    private final SecurityInfoProof proof = new SecurityInfoProof(new RegistrationStep(
            Proxies.of(RequiredActionContext.class, Map.of("getAuthenticationSession", a -> authSession())),
            null, null));

    @Test
    void pickingAMethodOrGoingBackIsTheProofsWhateverElseIsPosted() {
        assertThat(proof.answers(form("method", "sspr-sms"))).isTrue();
        assertThat(proof.answers(form("back", ""))).isTrue();
    }

    @Test
    void anAnswerBelongsToTheProofOnlyWhileAMethodIsBeingAnswered() {
        assertThat(proof.answers(form("code", "123456"))).as("no method picked").isFalse();

        notes.put(SecurityInfoProof.NOTE_METHOD, "sspr-sms");
        assertThat(proof.answers(form("code", "123456"))).isTrue();
        assertThat(proof.answers(form("answer-1", "Rex"))).isTrue();
        assertThat(proof.answers(form("clientDataJSON", "e30"))).isTrue();
    }

    @Test
    void aChangeButtonIsNeverTakenForAnAnswer() {
        notes.put(SecurityInfoProof.NOTE_METHOD, "sspr-sms");
        MultivaluedMap<String, String> change = form("code", "123456");
        change.add(RegisterSecurityInfoAction.FIELD_ACTION, "add-phone");

        assertThat(proof.answers(change)).isFalse();
    }

    @Test
    void whileTheAccountAddressIsProvenAnyPostWithoutAChangeIsItsAnswer() {
        notes.put(SecurityInfoProof.NOTE_METHOD, AccountAddressProof.METHOD_ID);

        assertThat(proof.answers(form("code", "123456"))).isTrue();
        assertThat(proof.answers(form("anything", "x"))).isTrue();
        assertThat(proof.answers(form(RegisterSecurityInfoAction.FIELD_ACTION, "cancel"))).isFalse();
    }

    @Test
    void theProofWindowOpensWhenAContactIsVerifiedInThisSignIn() {
        assertThat(SecurityInfoProof.impossibleNow(authSession())).isFalse();

        SecurityInfoProof.provenBy(authSession(), "mobile-phone");

        assertThat(notes).containsKey(SecurityInfoProof.NOTE_PROVEN_AT);
        assertThat(notes.values()).contains("mobile-phone");
    }

    private AuthenticationSessionModel authSession() {
        return Proxies.of(AuthenticationSessionModel.class, Map.of(
                "getAuthNote", a -> notes.get((String) a[0]),
                "setAuthNote", a -> notes.put((String) a[0], (String) a[1]),
                "removeAuthNote", a -> notes.remove((String) a[0])));
    }

    private static MultivaluedMap<String, String> form(String field, String value) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add(field, value);
        return form;
    }
}
