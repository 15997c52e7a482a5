package io.github.keycloaksspr.authenticators.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.json.JSONObject;

/**
 * Does in Java what the ALTCHA widget (npm altcha 3.2.2) does in the browser for a challenge in the Java library's
 * format, written from the widget's source rather than with the library under test: try numbers from 0 until
 * SHA-256(salt + number) equals the challenge ({@code counterMode "string"}), then post
 * {@code btoa(JSON.stringify({algorithm, challenge, number, salt, signature, took}))} ({@code createPayloadV1}).
 */
final class WidgetSolver {

    private WidgetSolver() {
    }

    static Solved solve(String challengeJson) {
        JSONObject challenge = new JSONObject(challengeJson);
        String salt = challenge.getString("salt");
        String target = challenge.getString("challenge");
        long maxNumber = challenge.getLong("maxnumber");
        MessageDigest sha256 = sha256();
        for (long number = 0; number <= maxNumber; number++) {
            byte[] hash = sha256.digest((salt + number).getBytes(StandardCharsets.UTF_8));
            if (HexFormat.of().formatHex(hash).equals(target)) {
                return new Solved(challenge.getString("algorithm"), target, number, salt, challenge.getString("signature"));
            }
        }
        throw new AssertionError("no number up to maxnumber solves " + challengeJson);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A solution; {@link #payload()} is the form field value, the {@code with...} methods forge variants of it. */
    record Solved(String algorithm, String challenge, long number, String salt, String signature) {

        String payload() {
            // Same key order as the widget's object literal; "took" is the widget's solve time in ms.
            String json = "{\"algorithm\":" + JSONObject.quote(algorithm)
                    + ",\"challenge\":" + JSONObject.quote(challenge)
                    + ",\"number\":" + number
                    + ",\"salt\":" + JSONObject.quote(salt)
                    + ",\"signature\":" + JSONObject.quote(signature)
                    + ",\"took\":42}";
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        Solved withNumber(long other) {
            return new Solved(algorithm, challenge, other, salt, signature);
        }

        Solved withSalt(String other) {
            return new Solved(algorithm, challenge, number, other, signature);
        }

        Solved withChallenge(String other) {
            return new Solved(algorithm, other, number, salt, signature);
        }

        Solved withSignature(String other) {
            return new Solved(algorithm, challenge, number, salt, other);
        }

        Solved withAlgorithm(String other) {
            return new Solved(other, challenge, number, salt, signature);
        }
    }
}
