package io.github.keycloaksspr.testsinks;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** The parts of a form POST the stand-in looks at: Basic-auth credentials and the URL-encoded form. */
record FormRequest(String basicAuthUser, String basicAuthPassword, Map<String, List<String>> form) {

    static FormRequest read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String[] credentials = basicAuth(exchange.getRequestHeaders().getFirst("Authorization"));
        return new FormRequest(
                credentials == null ? null : credentials[0],
                credentials == null ? null : credentials[1],
                parseForm(body));
    }

    boolean hasBasicAuth() {
        return basicAuthUser != null;
    }

    /** The first value of a form field, or null. */
    String first(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String[] basicAuth(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        form.replaceAll((name, values) -> List.copyOf(values));
        return form;
    }
}
