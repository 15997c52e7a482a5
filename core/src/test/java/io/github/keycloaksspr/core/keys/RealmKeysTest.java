package io.github.keycloaksspr.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RealmKeysTest {

    private static byte[] counting(int length) {
        byte[] secret = new byte[length];
        for (int i = 0; i < length; i++) {
            secret[i] = (byte) i;
        }
        return secret;
    }

    @Test
    void isHmacSha256OfTheLabelUnderTheRealmSecret() {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(bytes(range(64)),
        //   b'sspr-altcha-v1', hashlib.sha256).hexdigest())". Changing it invalidates every challenge in flight.
        assertThat(HexFormat.of().formatHex(RealmKeys.derive(counting(64), "sspr-altcha-v1")))
                .isEqualTo("5388280165f75a76d549222910901635b0f33bfdf20d271f4b18d8df496a474d");
    }

    @Test
    void differsPerRealmSecretAndIsNotTheSecret() {
        byte[] secret = counting(64);
        byte[] other = counting(64);
        other[63] ^= 1;

        assertThat(RealmKeys.derive(secret, "sspr-altcha-v1"))
                .hasSize(32)
                .isNotEqualTo(RealmKeys.derive(other, "sspr-altcha-v1"))
                .isNotEqualTo(Arrays.copyOf(secret, 32));
    }

    @Test
    void eachUseHasItsOwnKey() {
        assertThat(RealmKeys.derive(counting(64), "sspr-altcha-v1"))
                .isNotEqualTo(RealmKeys.derive(counting(64), SubjectHasher.LABEL));
    }
}
