package io.github.keycloaksspr.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keys of the pack, derived from the realm's active HMAC key ("hmac-generated-hs512", which every realm has; Keycloak
 * generates a fallback if an admin removed it). Deriving instead of storing keys of our own means: the same key on
 * every node, nothing to configure, nothing extra in exports, and rotation with the realm's keys. A label per use
 * keeps the derived keys apart from each other and from the realm key's own use (signing Keycloak's tokens).
 */
public final class RealmKeys {

    private static final String KDF = "HmacSHA256";

    private RealmKeys() {
    }

    /** The realm's key for {@code label}. */
    public static byte[] derive(KeycloakSession session, RealmModel realm, String label) {
        KeyWrapper realmKey = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        SecretKey secret = realmKey.getSecretKey();
        byte[] encoded = secret == null ? null : secret.getEncoded();
        if (encoded == null || encoded.length == 0) {
            // A keystore-backed HMAC key that refuses export: nothing can be derived from it.
            throw new IllegalStateException("Realm " + realm.getName() + ": active HS512 key " + realmKey.getKid()
                    + " has no exportable secret");
        }
        return derive(encoded, label);
    }

    /** HMAC-SHA256(realmSecret, label): one-way, so a derived key reveals nothing about the realm key. */
    public static byte[] derive(byte[] realmSecret, String label) {
        try {
            Mac mac = Mac.getInstance(KDF);
            mac.init(new SecretKeySpec(realmSecret, KDF));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
