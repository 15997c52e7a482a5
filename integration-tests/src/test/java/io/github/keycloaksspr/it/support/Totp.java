package io.github.keycloaksspr.it.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The code an authenticator app shows now (RFC 6238, SHA-1, 6 digits, 30 s), for a secret Keycloak stores as text. */
public final class Totp {

    private Totp() {
    }

    public static String now(String secret) {
        return at(secret, System.currentTimeMillis() / 1000 / 30);
    }

    /** The next code the app will show: Keycloak accepts it now too (look-around 1), and it is not yet used. */
    public static String next(String secret) {
        return at(secret, System.currentTimeMillis() / 1000 / 30 + 1);
    }

    private static String at(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
