package io.github.keycloaksspr.core.delivery;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * Answers the phone carrier's callback after the callee pressed a key: the code, once. Only the carrier's signed
 * request is answered (the URL alone is not enough), and only once; anything else gets 403 or a call that says
 * nothing, with no hint whether the token ever existed.
 */
public final class VoiceCallbackResource implements RealmResourceProvider {

    private static final Logger LOG = Logger.getLogger(VoiceCallbackResource.class);
    private static final String XML = "application/xml";

    private final KeycloakSession session;

    VoiceCallbackResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Where the carrier posts after a keypress on a call holding {@code token}: under {@code base} if the operator set
     * one, else under the realm's frontend URL (the configured hostname; never a request's own Host header where
     * Keycloak's hostname is strict, its default).
     */
    public static URI callback(KeycloakSession session, RealmModel realm, Optional<URI> base, String token) {
        URI root = base.orElseGet(() -> session.getContext().getUri(UrlType.FRONTEND).getBaseUri());
        return UriBuilder.fromUri(root).path("realms").path(realm.getName())
                .path(VoiceCallbackResourceProviderFactory.PROVIDER_ID).path("answer").path(token).build();
    }

    @Override
    public Object getResource() {
        return this;
    }

    @POST
    @Path("answer/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        Optional<PhoneGateway> gateway = PhoneGateway.configured(session);
        // The signature must cover the URL the code was held for; an unknown token is checked against the request's.
        String url = VoiceCodeCallbacks.callbackOf(session, token)
                .orElseGet(() -> session.getContext().getUri().getRequestUri().toString());
        if (gateway.isEmpty() || !gateway.get().callbackAuthentic(url, single(form), session.getContext()
                .getRequestHeaders())) {
            LOG.debugf("SSPR: a voice callback without the carrier's signature was refused");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        Optional<SpokenMessage> message = VoiceCodeCallbacks.take(session, token);
        if (message.isEmpty()) {
            // Spent, expired or never held: the call ends without a word.
            return Response.ok("<Response/>", XML).build();
        }
        return Response.ok(gateway.get().speech(message.get()), XML).build();
    }

    private static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        return values;
    }

    @Override
    public void close() {
    }
}
