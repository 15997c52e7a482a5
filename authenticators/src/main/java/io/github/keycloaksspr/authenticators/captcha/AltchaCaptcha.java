package io.github.keycloaksspr.authenticators.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.keys.RealmKeys;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.time.ServerClock;
import org.altcha.altcha.Altcha.Algorithm;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;
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
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    /** Used solutions live in the cluster-wide single-use store, beside Keycloak's own entries and the pack's others. */
    static final String SLOT_PREFIX = "sspr:altcha:";
    /** Changing it invalidates every challenge in flight. */
    static final String KEY_LABEL = "sspr-altcha-v1";
    /** Keeps a used solution past its expiry, so that a node whose clock runs behind cannot accept it again. */
    private static final long CLOCK_SKEW_SECONDS = 60;
    private static final Algorithm ALGORITHM = Algorithm.SHA256;

    private final String hmacKey;
    private final ClusterSlots usedSolutions;
    private final Clock clock;

    /**
     * @param usedSolutions where accepted solutions are recorded: ALTCHA itself would accept one again
     * @param clock         Keycloak's time in production, so that the test framework's offset applies
     */
    public AltchaCaptcha(byte[] hmacKey, ClusterSlots usedSolutions, Clock clock) {
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
        return new AltchaCaptcha(RealmKeys.derive(session, realm, KEY_LABEL), ClusterSlots.of(session), new ServerClock());
    }

    /**
     * A fresh challenge for the widget's {@code challenge} attribute: public values only (the HMAC of the
     * challenge, never the key), valid for {@link #CHALLENGE_LIFETIME}.
     */
    public String createChallengeJson(long maxNumber) {
        if (maxNumber < 1 || maxNumber > SsprPolicy.MAX_CAPTCHA_DIFFICULTY) {
            throw new IllegalArgumentException("maxNumber must be between 1 and " + SsprPolicy.MAX_CAPTCHA_DIFFICULTY
                    + ": " + maxNumber);
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
        return usedSolutions.claim(SLOT_PREFIX + solution.signature(), lifespan)
                ? CaptchaCheck.VALID : CaptchaCheck.REPLAYED;
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
