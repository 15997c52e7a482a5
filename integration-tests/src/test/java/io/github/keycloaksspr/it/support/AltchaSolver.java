package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Solves the proof-of-work challenge a page carries, as the ALTCHA widget does in a browser (and as a bot willing to
 * pay the CPU can): try numbers until SHA-256(salt + number) equals the challenge, post the Base64 JSON payload.
 */
public final class AltchaSolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AltchaSolver() {
    }

    public static String solve(String challengeJson) {
        try {
            JsonNode challenge = JSON.readTree(challengeJson);
            String salt = challenge.get("salt").asText();
            String target = challenge.get("challenge").asText();
            long max = challenge.get("maxnumber").asLong();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (long number = 0; number <= max; number++) {
                if (HexFormat.of().formatHex(sha256.digest((salt + number).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("algorithm", challenge.get("algorithm").asText());
                    payload.put("challenge", target);
                    payload.put("number", number);
                    payload.put("salt", salt);
                    payload.put("signature", challenge.get("signature").asText());
                    payload.put("took", 10);
                    return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
                }
            }
            throw new AssertionError("challenge has no solution up to maxnumber");
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The challenge JSON from the widget's {@code challenge="..."} attribute (HTML-escaped in the page). */
    public static String challengeOf(String html) {
        Matcher m = Pattern.compile("<altcha-widget[^>]*\\schallenge=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CAPTCHA challenge on the page");
        }
        return m.group(1).replace("&quot;", "\"").replace("&#34;", "\"").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'");
    }
}
