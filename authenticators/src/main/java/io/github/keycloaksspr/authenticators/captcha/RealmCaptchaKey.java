package io.github.keycloaksspr.authenticators.captcha;

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
 * The ALTCHA signing key, derived from the realm's active HMAC key ("hmac-generated-hs512", which every realm has;
 * Keycloak generates a fallback if an admin removed it). Deriving instead of storing a key of our own means: the
 * same key on every node, nothing to configure, nothing extra in exports, and it rotates with the realm's keys.
 * The label separates it from the realm key's own use (signing Keycloak's tokens).
 */
final class RealmCaptchaKey {

    private static final String LABEL = "sspr-altcha-v1";
    private static final String KDF = "HmacSHA256";

    private RealmCaptchaKey() {
    }

    static byte[] of(KeycloakSession session, RealmModel realm) {
        KeyWrapper realmKey = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        SecretKey secret = realmKey.getSecretKey();
        byte[] encoded = secret == null ? null : secret.getEncoded();
        if (encoded == null || encoded.length == 0) {
            // A keystore-backed HMAC key that refuses export; the CAPTCHA cannot work without key bytes.
            throw new IllegalStateException("Realm " + realm.getName() + ": active HS512 key " + realmKey.getKid()
                    + " has no exportable secret");
        }
        return derive(encoded);
    }

    /** HMAC-SHA256(realmSecret, label): one-way, so the CAPTCHA key reveals nothing about the realm key. */
    static byte[] derive(byte[] realmSecret) {
        try {
            Mac mac = Mac.getInstance(KDF);
            mac.init(new SecretKeySpec(realmSecret, KDF));
            return mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
