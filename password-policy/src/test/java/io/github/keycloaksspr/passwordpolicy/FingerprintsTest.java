package io.github.keycloaksspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void prefixHashesGiveTheSameFingerprintsAsHashingEachPart() {
        String password = "tangerine-volcano ÄÖ 42";
        Fingerprints.Prefixes prefixes = new Fingerprints.Prefixes(password);
        for (int from = 0; from < password.length(); from++) {
            for (int to = from + 1; to <= password.length(); to++) {
                assertThat(prefixes.of(from, to)).isEqualTo(Fingerprints.of(password, from, to, -1));
                for (int skip = from; skip < to; skip++) {
                    assertThat(prefixes.without(from, to, skip)).isEqualTo(Fingerprints.of(password, from, to, skip));
                }
            }
        }
    }

    @Test
    void aReplacedCharacterMatchesOnlyAtItsPosition() {
        long deletedAt2 = Fingerprints.atPosition(Fingerprints.of("dragon", 0, 6, 2), 2);
        assertThat(Fingerprints.atPosition(Fingerprints.of("drxgon", 0, 6, 2), 2)).isEqualTo(deletedAt2);
        assertThat(Fingerprints.atPosition(Fingerprints.of("dargon", 0, 6, 1), 1)).isNotEqualTo(deletedAt2);
    }
}
