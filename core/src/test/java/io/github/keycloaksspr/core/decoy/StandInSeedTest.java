package io.github.keycloaksspr.core.decoy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The randomness of a stand-in: the same for the same name (and realm key), unrelated otherwise. */
class StandInSeedTest {

    private static final byte[] REALM_KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_REALM_KEY = "fedcba9876543210fedcba9876543210".getBytes();

    @Test
    void theSameNameDrawsTheSameValuesWhateverItsCaseAndSpaces() {
        assertThat(StandInSeed.of(REALM_KEY, "Nina.Nobody ").bytes(64))
                .isEqualTo(StandInSeed.of(REALM_KEY, "nina.nobody").bytes(64));
    }

    @Test
    void anotherNameAnotherRealmOrAnotherUseDrawOtherValues() {
        byte[] nina = StandInSeed.of(REALM_KEY, "nina").bytes(32);

        assertThat(StandInSeed.of(REALM_KEY, "nils").bytes(32)).isNotEqualTo(nina);
        assertThat(StandInSeed.of(OTHER_REALM_KEY, "nina").bytes(32)).isNotEqualTo(nina);
        assertThat(StandInSeed.of(REALM_KEY, "nina").forUse("sspr-sms").bytes(32)).isNotEqualTo(nina);
    }

    @Test
    void drawsStayWithinTheirBoundsAndCoverThem() {
        StandInSeed seed = StandInSeed.of(REALM_KEY, "nina");
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int value = seed.below(7);
            assertThat(value).isBetween(0, 6);
            seen.add(value);
        }
        assertThat(seen).hasSize(7);
        assertThat(seed.text("ab", 50)).matches("[ab]{50}");
    }

    @Test
    void chanceFollowsItsPercentage() {
        StandInSeed seed = StandInSeed.of(REALM_KEY, "nina");
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            hits += seed.chance(30) ? 1 : 0;
        }
        assertThat(hits).isBetween(2_700, 3_300);
    }
}
