package io.github.keycloaksspr.authenticators.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RealmCaptchaKeyTest {

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
        assertThat(HexFormat.of().formatHex(RealmCaptchaKey.derive(counting(64))))
                .isEqualTo("5388280165f75a76d549222910901635b0f33bfdf20d271f4b18d8df496a474d");
    }

    @Test
    void differsPerRealmSecretAndIsNotTheSecret() {
        byte[] secret = counting(64);
        byte[] other = counting(64);
        other[63] ^= 1;

        assertThat(RealmCaptchaKey.derive(secret))
                .hasSize(32)
                .isNotEqualTo(RealmCaptchaKey.derive(other))
                .isNotEqualTo(Arrays.copyOf(secret, 32));
    }
}
