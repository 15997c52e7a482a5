package io.github.keycloaksspr.testsinks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as {@link TwilioApiStandIn} received it, and what it answered.
 *
 * @param kind           SMS for {@code Messages.json}, CALL for {@code Calls.json}, OTHER for anything else
 * @param method         the HTTP method
 * @param path           the request path, e.g. {@code /2010-04-01/Accounts/AC.../Messages.json}
 * @param accountSid     the account SID from the path, or null when the path has none
 * @param basicAuthUser  the Basic-auth user name sent, or null without Basic auth
 * @param to             form field {@code To}
 * @param from           form field {@code From}
 * @param body           form field {@code Body} (SMS), else null
 * @param twiml          form field {@code Twiml} (calls), else null
 * @param form           every form field, in the order received
 * @param responseStatus the HTTP status the stand-in answered with
 * @param providerSid    the SID the stand-in issued when it accepted the request, else null
 * @param receivedAt     when the request arrived
 */
public record RecordedTwilioRequest(
        Kind kind,
        String method,
        String path,
        String accountSid,
        String basicAuthUser,
        String to,
        String from,
        String body,
        String twiml,
        Map<String, List<String>> form,
        int responseStatus,
        String providerSid,
        Instant receivedAt) {

    public enum Kind { SMS, CALL, OTHER }

    public RecordedTwilioRequest {
        form = Map.copyOf(form);
    }

    /** Whether the stand-in accepted it, i.e. whether a real phone would now ring or buzz. */
    public boolean accepted() {
        return responseStatus >= 200 && responseStatus < 300;
    }

    /** The first value of a form field, or null. */
    public String formValue(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
