package io.github.keycloaksspr.core.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.keycloaksspr.core.phone.SpokenMessage;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * What a voice call says after the callee presses a key: held until the carrier calls back, once, for the code's
 * lifetime, cluster-wide. The call's callback URL carries the only key to it: the stored text is encrypted under half
 * of the URL's token and filed under the other half, so neither the cache nor a heap dump holds a readable code, and
 * the callback is answered at most once.
 */
public final class VoiceCodeCallbacks {

    private static final String PREFIX = "sspr-voice:";
    private static final int ID_BYTES = 16;
    private static final int KEY_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VoiceCodeCallbacks() {
    }

    /** A fresh token for a callback URL: 128 bits naming the held message, 128 bits of key to it. */
    public static String newToken() {
        byte[] token = new byte[ID_BYTES + KEY_BYTES];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Holds {@code message} for {@code lifetime} behind {@code token}, to be fetched at {@code callback} only. */
    public static void hold(KeycloakSession session, String token, URI callback, SpokenMessage message,
                            Duration lifetime) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key(raw), iv, message.text().getBytes(StandardCharsets.UTF_8));
        session.getProvider(SingleUseObjectProvider.class).put(PREFIX + id(raw), Math.max(1, lifetime.toSeconds()),
                Map.of("iv", Base64.getEncoder().encodeToString(iv),
                        "text", Base64.getEncoder().encodeToString(sealed),
                        "language", message.language(),
                        "repetitions", Integer.toString(message.repetitions()),
                        "callback", callback.toString()));
    }

    /**
     * The URL the message was held for, while it is held: what the carrier's signature must cover (never the URL of
     * the request, whose host a client chooses).
     */
    public static Optional<String> callbackOf(KeycloakSession session, String token) {
        return raw(token).map(raw -> session.getProvider(SingleUseObjectProvider.class).get(PREFIX + id(raw)))
                .map(held -> held.get("callback"));
    }

    /** The message behind {@code token}, once; empty for a token that is unknown, spent, expired or malformed. */
    public static Optional<SpokenMessage> take(KeycloakSession session, String token) {
        Optional<byte[]> parsed = raw(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw = parsed.get();
        Map<String, String> held = session.getProvider(SingleUseObjectProvider.class).remove(PREFIX + id(raw));
        if (held == null) {
            return Optional.empty();
        }
        try {
            byte[] text = crypt(Cipher.DECRYPT_MODE, key(raw), Base64.getDecoder().decode(held.get("iv")),
                    Base64.getDecoder().decode(held.get("text")));
            return Optional.of(new SpokenMessage(new String(text, StandardCharsets.UTF_8), held.get("language"),
                    Integer.parseInt(held.get("repetitions"))));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> raw(String token) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
            return raw.length == ID_BYTES + KEY_BYTES ? Optional.of(raw) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String id(byte[] token) {
        return HexFormat.of().formatHex(token, 0, ID_BYTES);
    }

    private static SecretKeySpec key(byte[] token) {
        return new SecretKeySpec(Arrays.copyOfRange(token, ID_BYTES, ID_BYTES + KEY_BYTES), "AES");
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
