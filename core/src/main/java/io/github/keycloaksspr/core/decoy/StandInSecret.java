package io.github.keycloaksspr.core.decoy;

import java.util.Base64;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.RealmModel;

/**
 * The realm's key for stand-in accounts: made once, at the first stand-in, and kept as a realm attribute. Not derived
 * from the realm's HMAC key: a key rotation would give every stand-in new hints while real accounts keep theirs, and
 * an observer who recorded hints before and after could tell them apart. Like Keycloak's own generated keys it is
 * stored in the realm's configuration; an administrator who can read that can tell stand-ins from accounts anyway.
 */
final class StandInSecret {

    static final String ATTRIBUTE = "sspr.standIn.secret";
    private static final int BYTES = 32;

    private StandInSecret() {
    }

    /** The realm's key; the first call makes and stores it (two nodes racing to it agree after one commit). */
    static byte[] of(RealmModel realm) {
        String stored = realm.getAttribute(ATTRIBUTE);
        if (stored != null) {
            try {
                byte[] key = Base64.getDecoder().decode(stored);
                if (key.length == BYTES) {
                    return key;
                }
            } catch (IllegalArgumentException e) {
                // A tampered value is replaced like a missing one.
            }
        }
        byte[] key = SecretGenerator.getInstance().randomBytes(BYTES);
        realm.setAttribute(ATTRIBUTE, Base64.getEncoder().encodeToString(key));
        return key;
    }
}
