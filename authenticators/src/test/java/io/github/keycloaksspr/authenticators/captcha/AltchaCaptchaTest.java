package io.github.keycloaksspr.authenticators.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import io.github.keycloaksspr.core.keys.RealmKeys;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.testing.InMemorySlots;
import io.github.keycloaksspr.core.testing.MutableClock;
import org.altcha.altcha.Altcha;
import org.json.JSONObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AltchaCaptchaTest {

    /** Small, so that solving takes microseconds; the widget's algorithm does not depend on it. */
    private static final long EASY = 1_000;
    private static final byte[] REALM_SECRET = bytes(0x11);
    private static final byte[] KEY = RealmKeys.derive(REALM_SECRET, AltchaCaptcha.KEY_LABEL);

    /** In the past on purpose: any expiry check that reads the JVM clock instead of ours makes the tests fail. */
    private final MutableClock clock = new MutableClock(Instant.parse("2021-03-04T05:06:07Z"));
    private final InMemorySlots usedSolutions = new InMemorySlots();
    private final AltchaCaptcha captcha = new AltchaCaptcha(KEY, usedSolutions, clock);

    private static byte[] bytes(int fill) {
        byte[] key = new byte[64];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private WidgetSolver.Solved solvedChallenge() {
        return WidgetSolver.solve(captcha.createChallengeJson(EASY));
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsWhatTheWidgetPostsForItsChallenge() {
        assertThat(captcha.verify(solvedChallenge().payload())).isEqualTo(CaptchaCheck.VALID);
    }

    @Test
    void acceptsEachOfManyChallengesOnce() {
        for (int i = 0; i < 20; i++) {
            String payload = solvedChallenge().payload();
            assertThat(captcha.verify(payload)).isEqualTo(CaptchaCheck.VALID);
            assertThat(captcha.verify(payload)).isEqualTo(CaptchaCheck.REPLAYED);
        }
        assertThat(usedSolutions.claimed()).hasSize(20);
    }

    @Nested
    class Replay {

        @Test
        void refusesTheSameSolutionTheSecondTime() {
            String payload = solvedChallenge().payload();

            assertThat(captcha.verify(payload)).isEqualTo(CaptchaCheck.VALID);
            assertThat(captcha.verify(payload)).isEqualTo(CaptchaCheck.REPLAYED);
        }

        @Test
        void refusesTheSameSolutionReEncoded() {
            WidgetSolver.Solved solved = solvedChallenge();
            String sameFieldsOtherOrder = base64(new JSONObject()
                    .put("signature", solved.signature()).put("salt", solved.salt()).put("number", solved.number())
                    .put("challenge", solved.challenge()).put("algorithm", solved.algorithm()).toString());

            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.VALID);
            assertThat(captcha.verify(sameFieldsOtherOrder)).isEqualTo(CaptchaCheck.REPLAYED);
        }

        @Test
        void remembersASolutionAtLeastUntilItsChallengeExpires() {
            WidgetSolver.Solved solved = solvedChallenge();
            clock.advance(Duration.ofMinutes(2));

            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.VALID);
            assertThat(usedSolutions.claimed()).containsOnlyKeys(AltchaCaptcha.SLOT_PREFIX + solved.signature());
            assertThat(usedSolutions.claimed().get(AltchaCaptcha.SLOT_PREFIX + solved.signature()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(3).toSeconds())
                    .isLessThanOrEqualTo(AltchaCaptcha.CHALLENGE_LIFETIME.toSeconds() + 60);
        }

        @Test
        void doesNotRecordRefusedSolutions() {
            WidgetSolver.Solved solved = solvedChallenge();
            clock.advance(AltchaCaptcha.CHALLENGE_LIFETIME.plusSeconds(1));

            assertThat(captcha.verify(solved.withNumber(solved.number() + 1).payload())).isEqualTo(CaptchaCheck.INVALID);
            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.EXPIRED);
            assertThat(usedSolutions.claimed()).isEmpty();
        }
    }

    @Nested
    class Forgery {

        @Test
        void refusesAWrongNumber() {
            WidgetSolver.Solved solved = solvedChallenge();

            assertThat(captcha.verify(solved.withNumber(solved.number() + 1).payload())).isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void refusesATamperedSalt() {
            WidgetSolver.Solved solved = solvedChallenge();
            String extended = solved.salt().replaceFirst("expires=\\d+", "expires=" + Long.MAX_VALUE / 2);

            assertThat(extended).isNotEqualTo(solved.salt());
            assertThat(captcha.verify(solved.withSalt(extended).payload())).isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void refusesSaltDigitsMovedFromTheNumber() {
            // ALTCHA's "&" after the salt's parameters stops "salt + number" being split differently.
            WidgetSolver.Solved solved = solvedChallenge();
            String digits = Long.toString(solved.number());
            if (digits.length() > 1) {
                WidgetSolver.Solved spliced = solved.withSalt(solved.salt() + digits.charAt(0))
                        .withNumber(Long.parseLong(digits.substring(1)));
                assertThat(captcha.verify(spliced.payload())).isEqualTo(CaptchaCheck.INVALID);
            }
            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.VALID);
        }

        @Test
        void refusesATamperedSignature() {
            WidgetSolver.Solved solved = solvedChallenge();
            char last = solved.signature().charAt(solved.signature().length() - 1);
            String flipped = solved.signature().substring(0, solved.signature().length() - 1) + (last == '0' ? '1' : '0');

            assertThat(captcha.verify(solved.withSignature(flipped).payload())).isEqualTo(CaptchaCheck.INVALID);
            assertThat(captcha.verify(solved.withSignature(solved.signature().toUpperCase()).payload()))
                    .isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void refusesAnEasierChallengeTheClientMadeUp() {
            // Keep the signature, pick number 0 and hash it: the work is done, but the signature no longer fits.
            WidgetSolver.Solved solved = solvedChallenge();
            String madeUp = sha256Hex(solved.salt() + "0");

            assertThat(captcha.verify(solved.withChallenge(madeUp).withNumber(0).payload()))
                    .isEqualTo(solved.number() == 0 ? CaptchaCheck.VALID : CaptchaCheck.INVALID);
        }

        @Test
        void refusesAnotherAlgorithm() {
            WidgetSolver.Solved solved = solvedChallenge();

            assertThat(captcha.verify(solved.withAlgorithm("SHA-1").payload())).isEqualTo(CaptchaCheck.INVALID);
            assertThat(captcha.verify(solved.withAlgorithm("sha-256").payload())).isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void refusesAChallengeSignedWithAnotherRealmsKey() {
            AltchaCaptcha otherRealm = new AltchaCaptcha(RealmKeys.derive(bytes(0x22), AltchaCaptcha.KEY_LABEL), usedSolutions, clock);
            WidgetSolver.Solved solvedElsewhere = WidgetSolver.solve(otherRealm.createChallengeJson(EASY));

            assertThat(otherRealm.verify(solvedElsewhere.payload())).as("valid where it was issued").isEqualTo(CaptchaCheck.VALID);
            assertThat(captcha.verify(solvedElsewhere.payload())).isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void refusesASignedChallengeWithoutExpiry() throws Exception {
            // Same key, but not issued by AltchaCaptcha: ALTCHA alone would accept it forever.
            Altcha.Challenge eternal = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(HexFormat.of().formatHex(KEY)).setMaxNumber(EASY));
            String json = new JSONObject().put("algorithm", eternal.algorithm).put("challenge", eternal.challenge)
                    .put("maxnumber", eternal.maxnumber).put("salt", eternal.salt).put("signature", eternal.signature)
                    .toString();
            WidgetSolver.Solved solved = WidgetSolver.solve(json);

            assertThat(Altcha.verifySolution(solved.payload(), HexFormat.of().formatHex(KEY), true)).isTrue();
            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.INVALID);
        }
    }

    @Nested
    class Expiry {

        @Test
        void acceptsASolutionUpToTheLastSecondOfItsLifetime() {
            WidgetSolver.Solved solved = solvedChallenge();
            clock.advance(AltchaCaptcha.CHALLENGE_LIFETIME);

            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.VALID);
        }

        @Test
        void refusesASolutionAfterItsLifetime() {
            WidgetSolver.Solved solved = solvedChallenge();
            clock.advance(AltchaCaptcha.CHALLENGE_LIFETIME.plusSeconds(1));

            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.EXPIRED);
        }

        @Test
        void lifetimeIsAtMostFiveMinutes() {
            long issuedAt = clock.instant().getEpochSecond();
            String salt = new JSONObject(captcha.createChallengeJson(EASY)).getString("salt");

            assertThat(salt).contains("?expires=" + (issuedAt + 300) + "&");
        }
    }

    @Nested
    class Garbage {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "\t\n"})
        void nothingPostedIsMissing(String payload) {
            assertThat(captcha.verify(payload)).isEqualTo(CaptchaCheck.MISSING);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "not base64 at all!",
            "%%%%",
            "e30",                                  // "{}" without padding
            "bm90IGpzb24=",                         // "not json"
            "e30=",                                 // "{}"
            "WzEsMl0=",                             // "[1,2]"
            "bnVsbA==",                             // "null"
        })
        void undecodablePayloadsAreInvalid(String payload) {
            assertThat(captcha.verify(payload)).isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void theWidgetsTestModePayloadIsInvalid() {
            // What the widget posts with its "test" option on: no work done at all.
            assertThat(captcha.verify(base64("{\"challenge\":null,\"solution\":null,\"test\":true}")))
                    .isEqualTo(CaptchaCheck.INVALID);
        }

        @Test
        void fieldsOfTheWrongTypeAreInvalid() {
            WidgetSolver.Solved solved = solvedChallenge();
            String numberAsWord = base64(new JSONObject().put("algorithm", solved.algorithm())
                    .put("challenge", solved.challenge()).put("number", "seven").put("salt", solved.salt())
                    .put("signature", solved.signature()).toString());
            String missingSignature = base64(new JSONObject().put("algorithm", solved.algorithm())
                    .put("challenge", solved.challenge()).put("number", solved.number()).put("salt", solved.salt())
                    .toString());

            assertThat(captcha.verify(numberAsWord)).isEqualTo(CaptchaCheck.INVALID);
            assertThat(captcha.verify(missingSignature)).isEqualTo(CaptchaCheck.INVALID);
            assertThat(captcha.verify(solved.payload())).as("the untouched solution").isEqualTo(CaptchaCheck.VALID);
        }

        @Test
        void anOversizedPayloadIsInvalidEvenIfItIsASolution() {
            WidgetSolver.Solved solved = solvedChallenge();
            String padded = base64(new JSONObject(new String(Base64.getDecoder().decode(solved.payload()),
                    StandardCharsets.UTF_8)).put("padding", "x".repeat(PostedSolution.MAX_LENGTH)).toString());

            assertThat(captcha.verify(padded)).isEqualTo(CaptchaCheck.INVALID);
            assertThat(captcha.verify(solved.payload())).isEqualTo(CaptchaCheck.VALID);
        }
    }

    @Nested
    class Challenge {

        @Test
        void hasExactlyTheFieldsTheWidgetReadsAndNoKeyMaterial() {
            String json = captcha.createChallengeJson(SsprPolicy.DEFAULTS.captchaDifficulty());
            JSONObject challenge = new JSONObject(json);

            assertThat(challenge.keySet()).containsExactlyInAnyOrder("algorithm", "challenge", "maxnumber", "salt", "signature");
            assertThat(challenge.getString("algorithm")).isEqualTo("SHA-256");
            assertThat(challenge.getLong("maxnumber")).isEqualTo(SsprPolicy.DEFAULTS.captchaDifficulty());
            for (byte[] secret : new byte[][] {KEY, REALM_SECRET}) {
                assertThat(json.toLowerCase())
                        .doesNotContain(HexFormat.of().formatHex(secret))
                        .doesNotContain(HexFormat.of().formatHex(secret, 0, 8));
                assertThat(json)
                        .doesNotContain(Base64.getEncoder().encodeToString(secret))
                        .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(secret).substring(0, 8));
            }
        }

        @Test
        void differsEveryTime() {
            JSONObject first = new JSONObject(captcha.createChallengeJson(SsprPolicy.DEFAULTS.captchaDifficulty()));
            JSONObject second = new JSONObject(captcha.createChallengeJson(SsprPolicy.DEFAULTS.captchaDifficulty()));

            assertThat(first.getString("salt")).isNotEqualTo(second.getString("salt"));
            assertThat(first.getString("signature")).isNotEqualTo(second.getString("signature"));
        }

        @Test
        void hidesItsNumberAnywhereBelowMaxNumber() {
            int tiny = 4;
            Set<Long> numbers = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                numbers.add(WidgetSolver.solve(captcha.createChallengeJson(tiny)).number());
            }
            assertThat(numbers).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
        }

        @Test
        void refusesDifficultiesOutsideTheSupportedRange() {
            assertThatThrownBy(() -> captcha.createChallengeJson(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> captcha.createChallengeJson(SsprPolicy.MAX_CAPTCHA_DIFFICULTY + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesAShortKey() {
            assertThatThrownBy(() -> new AltchaCaptcha(new byte[16], usedSolutions, clock))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String sha256Hex(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
