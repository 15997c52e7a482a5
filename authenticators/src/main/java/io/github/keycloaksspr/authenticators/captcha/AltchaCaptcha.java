package io.github.keycloaksspr.authenticators.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.altcha.altcha.Altcha;
import org.altcha.altcha.Altcha.Algorithm;
import org.json.JSONObject;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * ALTCHA proof-of-work CAPTCHA for one realm and one request: issues challenges for the widget and checks the
 * solution it posts back. ALTCHA checks the work and the signature; this class adds what ALTCHA lacks: a
 * constant-time signature comparison, expiry by Keycloak's clock, and refusal of a solution's second use.
 */
public final class AltchaCaptcha {

    /** Name of the form field the widget fills (the {@code name} attribute that {@code sspr-captcha.ftl} renders). */
    public static final String FORM_FIELD = "sspr-captcha";
    /** The widget tries half of this many SHA-256 hashes on average: well under a second in a current browser. */
    public static final long DEFAULT_MAX_NUMBER = 100_000;
    /** Beyond this a slow phone works for many seconds, towards the widget's 90 s timeout. */
    public static final long MAX_NUMBER_LIMIT = 10_000_000;
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    /** Keeps a used solution past its expiry, so that a node whose clock runs behind cannot accept it again. */
    private static final long CLOCK_SKEW_SECONDS = 60;
    private static final Algorithm ALGORITHM = Algorithm.SHA256;
    /** Keycloak's time, including the offset tests and the admin API can set. */
    private static final InstantSource KEYCLOAK_TIME = () -> Instant.ofEpochMilli(Time.currentTimeMillis());

    private final String hmacKey;
    private final UsedSolutions usedSolutions;
    private final InstantSource clock;

    public AltchaCaptcha(byte[] hmacKey, UsedSolutions usedSolutions, InstantSource clock) {
        if (hmacKey.length < 32) {
            throw new IllegalArgumentException("ALTCHA key needs at least 256 bits");
        }
        // The library takes the key as a string and HMACs with its UTF-8 bytes: hex keeps every bit.
        this.hmacKey = HexFormat.of().formatHex(hmacKey);
        this.usedSolutions = Objects.requireNonNull(usedSolutions, "usedSolutions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keyed by the realm's active HMAC key; used solutions recorded cluster-wide. */
    public static AltchaCaptcha forRealm(KeycloakSession session, RealmModel realm) {
        return new AltchaCaptcha(RealmCaptchaKey.of(session, realm), UsedSolutions.of(session), KEYCLOAK_TIME);
    }

    public String createChallengeJson() {
        return createChallengeJson(DEFAULT_MAX_NUMBER);
    }

    /**
     * A fresh challenge for the widget's {@code challenge} attribute: public values only (the HMAC of the
     * challenge, never the key), valid for {@link #CHALLENGE_LIFETIME}.
     */
    public String createChallengeJson(long maxNumber) {
        if (maxNumber < 1 || maxNumber > MAX_NUMBER_LIMIT) {
            throw new IllegalArgumentException("maxNumber must be between 1 and " + MAX_NUMBER_LIMIT + ": " + maxNumber);
        }
        long expiresAt = clock.instant().getEpochSecond() + CHALLENGE_LIFETIME.toSeconds();
        Altcha.Challenge challenge;
        try {
            challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(ALGORITHM)
                    .setHmacKey(hmacKey)
                    .setMaxNumber(maxNumber)
                    .setSecureRandomNumber(true)
                    .setExpires(expiresAt));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create an ALTCHA challenge", e);
        }
        return new JSONObject()
                .put("algorithm", challenge.algorithm)
                .put("challenge", challenge.challenge)
                .put("maxnumber", challenge.maxnumber)
                .put("salt", challenge.salt)
                .put("signature", challenge.signature)
                .toString();
    }

    /** Checks the value of {@link #FORM_FIELD}; a {@link CaptchaCheck#VALID} solution is consumed. */
    public CaptchaCheck verify(String payload) {
        if (payload == null || payload.isBlank()) {
            return CaptchaCheck.MISSING;
        }
        Optional<PostedSolution> parsed = PostedSolution.parse(payload);
        if (parsed.isEmpty() || !isSolvedAndSigned(parsed.get())) {
            return CaptchaCheck.INVALID;
        }
        PostedSolution solution = parsed.get();
        OptionalLong expiresAt = solution.expiresAt();
        if (expiresAt.isEmpty()) {
            // Every challenge issued here carries its expiry; a signed one without it was made for something else.
            return CaptchaCheck.INVALID;
        }
        long now = clock.instant().getEpochSecond();
        if (now > expiresAt.getAsLong()) {
            return CaptchaCheck.EXPIRED;
        }
        long lifespan = Math.min(expiresAt.getAsLong() - now, CHALLENGE_LIFETIME.toSeconds()) + CLOCK_SKEW_SECONDS;
        // The signature is unique per issued challenge, and a challenge has exactly one solution.
        return usedSolutions.markUsed(solution.signature(), lifespan) ? CaptchaCheck.VALID : CaptchaCheck.REPLAYED;
    }

    private boolean isSolvedAndSigned(PostedSolution solution) {
        if (!ALGORITHM.getName().equals(solution.algorithm())) {
            return false;
        }
        try {
            // ALTCHA compares signatures with String.equals, whose timing leaks how much of a guess is right.
            // Compare in constant time first, so the library only ever sees a signature already known to be good.
            byte[] expected = Altcha.hmacHex(ALGORITHM, solution.challenge().getBytes(StandardCharsets.UTF_8), hmacKey)
                    .getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, solution.signature().getBytes(StandardCharsets.UTF_8))) {
                return false;
            }
            // checkExpires=false: the library would read the JVM clock; verify() checks expiry with Keycloak's.
            return Altcha.verifySolution(solution.toAltchaPayload(), hmacKey, false);
        } catch (Exception e) {
            return false;
        }
    }
}
