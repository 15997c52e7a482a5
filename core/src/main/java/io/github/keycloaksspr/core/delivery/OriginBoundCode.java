package io.github.keycloaksspr.core.delivery;

import java.net.URI;
import java.util.Optional;

import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.urls.UrlType;

/**
 * The last line of a code text that phones read and phishing sites cannot use: {@code @login.example.org #482913},
 * the origin-bound one-time-code format of the WebOTP API and of iOS and Android autofill. The browser offers the code
 * only to a page of that host (the realm's frontend host), so a look-alike site gets nothing filled in.
 */
final class OriginBoundCode {

    private OriginBoundCode() {
    }

    /** {@code text}, then a blank line and the origin-bound line for the request's frontend host, if it has one. */
    static String appendTo(String text, KeycloakSession session, String code) {
        return frontendHost(session).map(host -> text + "\n\n" + line(host, code)).orElse(text);
    }

    static String line(String host, String code) {
        return "@" + host + " #" + code;
    }

    /** The host users reach the realm's pages on (hostname option, realm frontend URL), from the current request. */
    static Optional<String> frontendHost(KeycloakSession session) {
        KeycloakContext context = session == null ? null : session.getContext();
        KeycloakUriInfo frontend = context == null ? null : context.getUri(UrlType.FRONTEND);
        URI base = frontend == null ? null : frontend.getBaseUri();
        return Optional.ofNullable(base == null ? null : base.getHost());
    }
}
