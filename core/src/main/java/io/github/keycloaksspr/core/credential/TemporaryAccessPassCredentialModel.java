package io.github.keycloaksspr.core.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

/**
 * A Temporary Access Pass, as Entra's: a random pass the help desk gives a verified caller, valid for a while, once or
 * until it expires. Credential data: expiry (epoch ms), one-time, who issued it. Secret data: a random salt and the
 * HMAC-SHA256 of the pass under it; never the pass. The pass has 79 random bits, so a salted hash suffices (no slow
 * hash is needed against guessing, which the attempt ledger bounds anyway).
 */
public final class TemporaryAccessPassCredentialModel extends CredentialModel {

    /** Not a method the user manages: no credential provider, so the Account Console does not list it. */
    public static final String TYPE = "sspr-temporary-access-pass";
    public static final int MIN_LIFETIME_MINUTES = 10;
    public static final int MAX_LIFETIME_MINUTES = 480;
    public static final int DEFAULT_LIFETIME_MINUTES = 60;

    /** Letters and digits that cannot be mistaken for one another when read out or typed (31 of them: 79 bits). */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int PASS_LENGTH = 16;
    private static final String HMAC = "HmacSHA256";

    private final Data data;
    private final Secret secret;

    private TemporaryAccessPassCredentialModel(Data data, Secret secret) {
        this.data = data;
        this.secret = secret;
    }

    /** A new pass and its credential (not yet stored); the pass is shown once and kept nowhere. */
    public static Issued issue(int lifetimeMinutes, boolean oneTime, String issuedBy) {
        if (lifetimeMinutes < MIN_LIFETIME_MINUTES || lifetimeMinutes > MAX_LIFETIME_MINUTES) {
            throw new IllegalArgumentException("lifetime must be " + MIN_LIFETIME_MINUTES + "-" + MAX_LIFETIME_MINUTES
                    + " minutes");
        }
        SecretGenerator random = SecretGenerator.getInstance();
        String pass = random.randomString(PASS_LENGTH, ALPHABET);
        byte[] salt = random.randomBytes(16);
        long now = Time.currentTimeMillis();
        Data data = new Data(now + lifetimeMinutes * 60_000L, oneTime, issuedBy);
        Secret secret = new Secret(Base64.getEncoder().encodeToString(salt), hash(salt, pass));
        TemporaryAccessPassCredentialModel model = new TemporaryAccessPassCredentialModel(data, secret);
        model.setType(TYPE);
        model.setCreatedDate(now);
        model.setCredentialData(CredentialJson.write(data));
        model.setSecretData(CredentialJson.write(secret));
        return new Issued(grouped(pass), model);
    }

    public static TemporaryAccessPassCredentialModel createFromCredentialModel(CredentialModel stored) {
        Data data = CredentialJson.read(stored.getCredentialData(), Data.class, TYPE, stored.getId());
        Secret secret = CredentialJson.read(stored.getSecretData(), Secret.class, TYPE, stored.getId());
        return CredentialJson.restored(new TemporaryAccessPassCredentialModel(data, secret), stored, TYPE, null);
    }

    /** Whether {@code typed} is this pass (spaces, dashes and case do not matter); compared in constant time. */
    public boolean matches(String typed) {
        if (typed == null || typed.length() > 64) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(secret.salt());
        return MessageDigest.isEqual(hash(salt, normalized(typed)).getBytes(StandardCharsets.US_ASCII),
                secret.hash().getBytes(StandardCharsets.US_ASCII));
    }

    public boolean expiredAt(long epochMillis) {
        return epochMillis >= data.expiresAt();
    }

    public long expiresAt() {
        return data.expiresAt();
    }

    public boolean oneTime() {
        return data.oneTime();
    }

    /** The username of the agent who issued the pass. */
    public String issuedBy() {
        return data.issuedBy();
    }

    /** A pass as the agent reads it out: four groups of four. */
    private static String grouped(String pass) {
        return pass.substring(0, 4) + "-" + pass.substring(4, 8) + "-" + pass.substring(8, 12) + "-" + pass.substring(12);
    }

    private static String normalized(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String hash(byte[] salt, String pass) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(salt, HMAC));
            return Base64.getEncoder().encodeToString(mac.doFinal(pass.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** A pass as issued: the words to read out once, and the credential to store. */
    public record Issued(String pass, TemporaryAccessPassCredentialModel credential) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(long expiresAt, boolean oneTime, String issuedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Secret(String salt, String hash) {
    }
}
