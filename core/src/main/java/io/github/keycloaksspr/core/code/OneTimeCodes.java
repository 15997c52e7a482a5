package io.github.keycloaksspr.core.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.time.ServerClock;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One-time codes sent by SMS, voice or email, kept in the authentication session: every cluster node
 * sees them, and they belong to one browser tab of one flow.
 * <p>
 * The note {@code sspr.code.<purpose>} holds the expiry, the tries left and an HMAC-SHA256 of the code
 * under a fresh random salt, never the code. A code is single use, lives at most
 * {@value #MAX_TTL_MINUTES} minutes and dies at the {@value #MAX_TRIES}rd wrong try. Tries are
 * counted by claiming cluster slots ({@code sspr:code:<code id>:try<n>}), because the authentication
 * session is not updated atomically: parallel requests each reading "3 tries left" must not get three
 * tries each.
 * <p>
 * {@link #issue} replaces any earlier code for the purpose. Callers ask {@link #hasLiveCode} first, so
 * that a page refresh shows the form again instead of sending another code.
 */
public final class OneTimeCodes {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 8;
    public static final int MAX_TTL_MINUTES = 10;
    public static final Duration MAX_TTL = Duration.ofMinutes(MAX_TTL_MINUTES);
    public static final int MAX_TRIES = 3;

    static final String NOTE_PREFIX = "sspr.code.";

    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final String HMAC = "HmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int CODE_ID_BYTES = 16;
    /** Longer than any code with separators a person would type; bounds the work for junk input. */
    private static final int MAX_INPUT_LENGTH = 64;
    /** Try and use slots outlive the code a little, so a clock difference between nodes cannot reopen them. */
    private static final long SLOT_GRACE_SECONDS = 60;

    private final NoteStore notes;
    private final ClusterSlots slots;
    private final Clock clock;

    public OneTimeCodes(NoteStore notes, ClusterSlots slots, Clock clock) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Codes of one authentication session, with Keycloak's clock (test-framework time offset included). */
    public static OneTimeCodes of(KeycloakSession session, AuthenticationSessionModel authSession) {
        return new OneTimeCodes(NoteStore.authNotesOf(authSession), ClusterSlots.of(session), new ServerClock());
    }

    /**
     * Creates a code of {@code length} digits ({@value #MIN_LENGTH}-{@value #MAX_LENGTH}) valid for
     * {@code ttl} (at most {@value #MAX_TTL_MINUTES} minutes), remembers only its hash, and returns it
     * for sending. The returned code must not be logged.
     */
    public String issue(String purpose, int length, Duration ttl) {
        String noteName = noteName(purpose);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("code length must be " + MIN_LENGTH + "-" + MAX_LENGTH + " digits");
        }
        if (ttl == null || ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("code lifetime must be positive and at most " + MAX_TTL_MINUTES + " minutes");
        }
        SecretGenerator random = SecretGenerator.getInstance();
        String code = random.randomString(length, SecretGenerator.DIGITS);
        String codeId = base64Url(random.randomBytes(CODE_ID_BYTES));
        byte[] salt = random.randomBytes(SALT_BYTES);
        long expiresAt = clock.millis() + ttl.toMillis();
        notes.put(noteName, new CodeNote(expiresAt, MAX_TRIES, codeId, base64Url(salt), base64Url(mac(salt, purpose, codeId, code))).format());
        return code;
    }

    /** Checks {@code input} against the code issued for {@code purpose}; see {@link CodeCheck} for the outcomes. */
    public CodeCheck verify(String purpose, String input) {
        String noteName = noteName(purpose);
        Optional<CodeNote> found = CodeNote.parse(notes.get(noteName));
        if (found.isEmpty()) {
            notes.remove(noteName);
            return CodeCheck.NONE;
        }
        CodeNote note = found.get();
        long now = clock.millis();
        if (now >= note.expiresAtMillis()) {
            // The note stays, so a second submission still says "expired" rather than "no code".
            return CodeCheck.EXPIRED;
        }
        if (note.triesLeft() <= 0) {
            notes.remove(noteName);
            return CodeCheck.EXHAUSTED;
        }
        long slotLifespan = Math.max(1, (note.expiresAtMillis() - now + 999) / 1000) + SLOT_GRACE_SECONDS;
        int tryIndex = claimTry(note.codeId(), slotLifespan);
        if (tryIndex < 0) {
            // Parallel requests took the remaining tries.
            notes.remove(noteName);
            return CodeCheck.EXHAUSTED;
        }
        if (matches(note, purpose, input)) {
            notes.remove(noteName);
            // A parallel request in the same tab may have matched too: only one of them may use the code.
            return slots.claim(slotKey(note.codeId(), "used"), slotLifespan) ? CodeCheck.VALID : CodeCheck.NONE;
        }
        int triesLeft = Math.min(note.triesLeft() - 1, MAX_TRIES - 1 - tryIndex);
        if (triesLeft <= 0) {
            notes.remove(noteName);
            return CodeCheck.EXHAUSTED;
        }
        notes.put(noteName, note.withTriesLeft(triesLeft).format());
        return CodeCheck.WRONG;
    }

    /** Whether a code for {@code purpose} exists that can still be entered: not used, expired or exhausted. */
    public boolean hasLiveCode(String purpose) {
        return liveNote(purpose).isPresent();
    }

    /** The id of the live code for {@code purpose}: what marks about this very code (not its successor) name. */
    public Optional<String> liveCodeId(String purpose) {
        return liveNote(purpose).map(CodeNote::codeId);
    }

    /** When the live code for {@code purpose} expires, e.g. to show a countdown. */
    public Optional<Instant> expiresAt(String purpose) {
        return liveNote(purpose).map(note -> Instant.ofEpochMilli(note.expiresAtMillis()));
    }

    /** How many tries the live code for {@code purpose} has left. */
    public OptionalInt triesLeft(String purpose) {
        return liveNote(purpose).map(note -> OptionalInt.of(note.triesLeft())).orElse(OptionalInt.empty());
    }

    /** Forgets the code for {@code purpose}, e.g. when the user chooses another method. */
    public void discard(String purpose) {
        notes.remove(noteName(purpose));
    }

    private Optional<CodeNote> liveNote(String purpose) {
        return CodeNote.parse(notes.get(noteName(purpose)))
                .filter(note -> note.triesLeft() > 0 && clock.millis() < note.expiresAtMillis());
    }

    /** Claims the first free try slot of the code; -1 if all {@value #MAX_TRIES} are taken. */
    private int claimTry(String codeId, long lifespanSeconds) {
        for (int n = 0; n < MAX_TRIES; n++) {
            if (slots.claim(slotKey(codeId, "try" + n), lifespanSeconds)) {
                return n;
            }
        }
        return -1;
    }

    private static boolean matches(CodeNote note, String purpose, String input) {
        Optional<String> digits = digitsOf(input);
        if (digits.isEmpty()) {
            return false;
        }
        try {
            byte[] salt = Base64.getUrlDecoder().decode(note.salt());
            byte[] expected = Base64.getUrlDecoder().decode(note.mac());
            return MessageDigest.isEqual(expected, mac(salt, purpose, note.codeId(), digits.get()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The digits of what the user typed, without the spaces and dashes people put into codes. Digits
     * of other scripts count as their value; anything else makes the input wrong.
     */
    static Optional<String> digitsOf(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(MAX_LENGTH);
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '-' || cp == '\u2010' || cp == '\u2011'
                    || cp == '\u2012' || cp == '\u2013' || cp == '\u2212') {
                continue;
            }
            int value = Character.digit(cp, 10);
            if (value < 0) {
                return Optional.empty();
            }
            digits.append((char) ('0' + value));
        }
        return digits.length() == 0 ? Optional.empty() : Optional.of(digits.toString());
    }

    // Purpose and code id are in the MAC, so a note copied to another purpose or code does not verify.
    private static byte[] mac(byte[] salt, String purpose, String codeId, String code) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(salt, HMAC));
            return mac.doFinal((purpose + "|" + codeId + "|" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }

    private static String noteName(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("code purpose must be 1-80 characters of A-Z, a-z, 0-9, '.', '_', '-'");
        }
        return NOTE_PREFIX + purpose;
    }

    private static String slotKey(String codeId, String suffix) {
        return "sspr:code:" + codeId + ":" + suffix;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
