package io.github.keycloaksspr.authenticators.captcha;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

import org.altcha.altcha.Altcha;
import org.json.JSONObject;

/**
 * What the widget posts: base64 of {@code {"algorithm","challenge","number","salt","signature","took"}}. Widget v3
 * answers challenges in the Java library's format with this (its "v1") payload; {@code took} is ignored.
 * Nothing here is trusted until {@link AltchaCaptcha} has checked the signature.
 */
record PostedSolution(String algorithm, String challenge, long number, String salt, String signature) {

    /** A real payload is about 350 characters; anything much larger is not worth decoding. */
    static final int MAX_LENGTH = 1024;

    /** Empty for anything that is not such a payload (bad base64, bad JSON, missing or mistyped fields). */
    static Optional<PostedSolution> parse(String base64) {
        if (base64.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JSONObject json = new JSONObject(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
            return Optional.of(new PostedSolution(json.getString("algorithm"), json.getString("challenge"),
                    json.getLong("number"), json.getString("salt"), json.getString("signature")));
        } catch (RuntimeException e) {
            // IllegalArgumentException from the decoder, JSONException from org.json: both mean "not a solution".
            return Optional.empty();
        }
    }

    /** The {@code expires} parameter ALTCHA puts into the salt (epoch seconds); empty if absent or malformed. */
    OptionalLong expiresAt() {
        try {
            String expires = Altcha.extractParams(salt).get("expires");
            return expires == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(expires));
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    Altcha.Payload toAltchaPayload() {
        Altcha.Payload payload = new Altcha.Payload();
        payload.algorithm = algorithm;
        payload.challenge = challenge;
        payload.number = number;
        payload.salt = salt;
        payload.signature = signature;
        return payload;
    }
}
