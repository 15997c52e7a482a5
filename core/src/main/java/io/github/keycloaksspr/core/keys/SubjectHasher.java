package io.github.keycloaksspr.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Names for personal data in the cluster cache (user ids, typed names, phone numbers, addresses, client addresses):
 * a keyed hash, so that nobody who reads the cache can reverse it by hashing every phone number, as a plain hash
 * would allow. The key is derived from the realm's keys, the same on every node.
 */
public final class SubjectHasher {

    static final String LABEL = "sspr-subjects-v1";
    private static final String HMAC = "HmacSHA256";
    /** 22 Base64url characters: 132 bits, plenty to keep subjects apart. */
    public static final int LENGTH = 22;

    private final byte[] key;

    public SubjectHasher(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the subject key needs at least 256 bits");
        }
        this.key = key.clone();
    }

    public static SubjectHasher forRealm(KeycloakSession session, RealmModel realm) {
        return new SubjectHasher(RealmKeys.derive(session, realm, LABEL));
    }

    /** The subject's name within {@code scope} (a user id and an address with equal text get different names). */
    public String hash(String scope, String subject) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            byte[] digest = mac.doFinal((scope + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
