package io.github.keycloaksspr.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.keycloaksspr.core.testing.InMemorySlots;
import io.github.keycloaksspr.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeCodesTest {

    private static final String PURPOSE = "sms.cred-1";
    private static final Duration TTL = Duration.ofMinutes(1);

    // The epoch keeps the expiry (60000 ms) shorter than any code, so "the note holds no code" cannot pass by luck.
    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final MapNotes notes = new MapNotes();
    private final InMemorySlots slots = new InMemorySlots();
    private final OneTimeCodes codes = new OneTimeCodes(notes, slots, clock);

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8})
    void issuesDigitCodesOfTheAskedLength(int length) {
        assertThat(codes.issue(PURPOSE, length, TTL)).hasSize(length).containsOnlyDigits();
    }

    @Test
    void aCodeWorksOnceThenThereIsNone() {
        String code = codes.issue(PURPOSE, 6, TTL);

        assertThat(codes.hasLiveCode(PURPOSE)).isTrue();
        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.VALID);
        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.NONE);
        assertThat(codes.hasLiveCode(PURPOSE)).isFalse();
        assertThat(notes.values).doesNotContainKey("sspr.code." + PURPOSE);
    }

    @Test
    void theNoteHoldsExpiryAndTriesButNeverTheCode() {
        String code = codes.issue(PURPOSE, 8, TTL);
        String note = notes.values.get("sspr.code." + PURPOSE);

        assertThat(note).startsWith("v1|60000|3|").doesNotContain(code);

        codes.verify(PURPOSE, wrong(code));
        assertThat(notes.values.get("sspr.code." + PURPOSE)).startsWith("v1|60000|2|").doesNotContain(code);
    }

    @Test
    void threeWrongTriesKillTheCodeEvenForTheRightOne() {
        String code = codes.issue(PURPOSE, 6, TTL);

        assertThat(codes.verify(PURPOSE, wrong(code))).isEqualTo(CodeCheck.WRONG);
        assertThat(codes.triesLeft(PURPOSE)).hasValue(2);
        assertThat(codes.verify(PURPOSE, wrong(code))).isEqualTo(CodeCheck.WRONG);
        assertThat(codes.verify(PURPOSE, wrong(code))).isEqualTo(CodeCheck.EXHAUSTED);

        assertThat(codes.hasLiveCode(PURPOSE)).isFalse();
        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.NONE);
    }

    @Test
    void triesAreCountedInTheClusterNotOnlyInTheNote() {
        String code = codes.issue(PURPOSE, 6, TTL);
        String freshNote = notes.values.get("sspr.code." + PURPOSE);

        // Three parallel requests each read the note with 3 tries left before any wrote it back.
        for (int i = 0; i < 3; i++) {
            notes.values.put("sspr.code." + PURPOSE, freshNote);
            codes.verify(PURPOSE, wrong(code));
        }
        notes.values.put("sspr.code." + PURPOSE, freshNote);

        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.EXHAUSTED);
        assertThat(slots.claimed().keySet()).allMatch(key -> key.matches("sspr:code:[A-Za-z0-9_-]{22}:try[0-2]")).hasSize(3);
    }

    @Test
    void aReplayedNoteCannotUseTheCodeTwice() {
        String code = codes.issue(PURPOSE, 6, TTL);
        String note = notes.values.get("sspr.code." + PURPOSE);

        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.VALID);
        notes.values.put("sspr.code." + PURPOSE, note);

        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.NONE);
    }

    @Test
    void anExpiredCodeIsRefusedAndStaysExpired() {
        String code = codes.issue(PURPOSE, 6, TTL);
        assertThat(codes.expiresAt(PURPOSE)).contains(Instant.EPOCH.plus(TTL));

        clock.advance(TTL.minusMillis(1));
        assertThat(codes.hasLiveCode(PURPOSE)).isTrue();
        clock.advance(Duration.ofMillis(1));

        assertThat(codes.hasLiveCode(PURPOSE)).isFalse();
        assertThat(codes.expiresAt(PURPOSE)).isEmpty();
        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.EXPIRED);
        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.EXPIRED);
    }

    @Test
    void acceptsSpacesAndDashesPeopleType() {
        String code = codes.issue(PURPOSE, 6, TTL);

        assertThat(codes.verify(PURPOSE, " " + code.substring(0, 3) + " - " + code.substring(3) + " ")).isEqualTo(CodeCheck.VALID);
    }

    @Test
    void nonDigitInputIsJustWrongAndCostsATry() {
        codes.issue(PURPOSE, 6, TTL);

        assertThat(codes.verify(PURPOSE, "12a456")).isEqualTo(CodeCheck.WRONG);
        assertThat(codes.verify(PURPOSE, "")).isEqualTo(CodeCheck.WRONG);
        assertThat(codes.verify(PURPOSE, null)).isEqualTo(CodeCheck.EXHAUSTED);
    }

    @Test
    void codesAreBoundToTheirPurpose() {
        String code = codes.issue(PURPOSE, 6, TTL);
        notes.values.put("sspr.code.email.cred-2", notes.values.get("sspr.code." + PURPOSE));

        assertThat(codes.verify("email.cred-2", code)).isEqualTo(CodeCheck.WRONG);
        assertThat(codes.verify("voice.cred-1", code)).isEqualTo(CodeCheck.NONE);
    }

    @Test
    void reissuingReplacesTheEarlierCode() {
        String first = codes.issue(PURPOSE, 6, TTL);
        String second = codes.issue(PURPOSE, 6, TTL);

        if (!first.equals(second)) {
            assertThat(codes.verify(PURPOSE, first)).isEqualTo(CodeCheck.WRONG);
        }
        assertThat(codes.verify(PURPOSE, second)).isEqualTo(CodeCheck.VALID);
    }

    @Test
    void discardForgetsTheCode() {
        String code = codes.issue(PURPOSE, 6, TTL);
        codes.discard(PURPOSE);

        assertThat(codes.verify(PURPOSE, code)).isEqualTo(CodeCheck.NONE);
    }

    @Test
    void unreadableNotesCountAsNoCode() {
        notes.values.put("sspr.code." + PURPOSE, "123456");

        assertThat(codes.hasLiveCode(PURPOSE)).isFalse();
        assertThat(codes.verify(PURPOSE, "123456")).isEqualTo(CodeCheck.NONE);
        assertThat(notes.values).isEmpty();
    }

    @Test
    void enforcesLengthLifetimeAndPurpose() {
        assertThatThrownBy(() -> codes.issue(PURPOSE, 5, TTL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.issue(PURPOSE, 9, TTL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.issue(PURPOSE, 6, Duration.ofMinutes(10).plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.issue(PURPOSE, 6, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.issue("sms|x", 6, TTL)).isInstanceOf(IllegalArgumentException.class);
        assertThat(codes.issue(PURPOSE, 6, Duration.ofMinutes(10))).hasSize(6);
    }

    @Test
    void slotsLiveAsLongAsTheCodePlusGrace() {
        String code = codes.issue(PURPOSE, 6, TTL);
        clock.advance(Duration.ofSeconds(20));

        codes.verify(PURPOSE, code);

        assertThat(slots.claimed()).hasSize(2).allSatisfy((key, lifespan) -> {
            assertThat(key).startsWith("sspr:code:").doesNotContain(code);
            assertThat(lifespan).isEqualTo(40 + 60);
        });
    }

    @Test
    void digitsOfStripsSeparatorsAndReadsOtherScripts() {
        assertThat(OneTimeCodes.digitsOf("12 34-56")).contains("123456");
        assertThat(OneTimeCodes.digitsOf("\uff11\uff12\uff13")).contains("123");
        assertThat(OneTimeCodes.digitsOf("\u0661\u0662\u0663")).contains("123");
        assertThat(OneTimeCodes.digitsOf("12.34")).isEmpty();
        assertThat(OneTimeCodes.digitsOf("1".repeat(65))).isEmpty();
    }

    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static final class MapNotes implements NoteStore {
        final Map<String, String> values = new HashMap<>();

        @Override
        public String get(String name) {
            return values.get(name);
        }

        @Override
        public void put(String name, String value) {
            values.put(name, value);
        }

        @Override
        public void remove(String name) {
            values.remove(name);
        }
    }
}
