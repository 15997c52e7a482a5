package io.github.keycloaksspr.core.decoy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.models.RealmModel;

/**
 * The stable randomness behind one typed name's stand-in account: HMAC-SHA256 under the realm's stand-in key
 * ({@link StandInSecret}), in counter mode. The same name always draws the same values (the same hints on every visit, on every node);
 * without the realm's key nobody can tell which values a name will draw, nor link two names.
 */
public final class StandInSeed {

    private static final String HMAC = "HmacSHA256";

    private final byte[] key;
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    StandInSeed(byte[] key) {
        this.key = key.clone();
    }

    /** The seed of {@code typedName}, taken as {@link TypedNames#canonical}. */
    public static StandInSeed of(RealmModel realm, String typedName) {
        return of(StandInSecret.of(realm), TypedNames.canonical(realm, typedName));
    }

    static StandInSeed of(byte[] realmKey, String typedName) {
        String name = typedName == null ? "" : typedName.strip().toLowerCase(Locale.ROOT);
        return new StandInSeed(mac(realmKey, name.getBytes(StandardCharsets.UTF_8)));
    }

    /** An independent seed for one use (one method's data), so that adding a method changes no other hint. */
    public StandInSeed forUse(String use) {
        return new StandInSeed(mac(key, ("use:" + use).getBytes(StandardCharsets.UTF_8)));
    }

    /** A value in {@code [0, bound)}, without modulo bias. */
    public int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int limit = Integer.MAX_VALUE - Integer.MAX_VALUE % bound;
        int value;
        do {
            value = nextInt() & Integer.MAX_VALUE;
        } while (value >= limit);
        return value % bound;
    }

    /** True with probability {@code percent} / 100. */
    public boolean chance(int percent) {
        return below(100) < percent;
    }

    public <T> T pick(List<T> values) {
        return values.get(below(values.size()));
    }

    public byte[] bytes(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = nextByte();
        }
        return out;
    }

    /** {@code length} characters of {@code alphabet}. */
    public String text(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(below(alphabet.length())));
        }
        return out.toString();
    }

    private int nextInt() {
        return (nextByte() & 0xff) << 24 | (nextByte() & 0xff) << 16 | (nextByte() & 0xff) << 8 | nextByte() & 0xff;
    }

    private byte nextByte() {
        if (!block.hasRemaining()) {
            block = ByteBuffer.wrap(mac(key, ByteBuffer.allocate(Long.BYTES).putLong(counter++).array()));
        }
        return block.get();
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " unavailable", e);
        }
    }
}
