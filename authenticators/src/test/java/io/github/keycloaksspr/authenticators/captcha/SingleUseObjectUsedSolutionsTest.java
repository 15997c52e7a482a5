package io.github.keycloaksspr.authenticators.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class SingleUseObjectUsedSolutionsTest {

    /** Records what reaches Keycloak's store; only putIfAbsent may be used (the others are not atomic). */
    private static final class RecordingStore implements SingleUseObjectProvider {

        final Map<String, Long> lifespans = new HashMap<>();

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return lifespans.putIfAbsent(key, lifespanInSeconds) == null;
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            throw new AssertionError("put is not atomic");
        }

        @Override
        public Map<String, String> get(String key) {
            throw new AssertionError("get-then-put races between nodes");
        }

        @Override
        public Map<String, String> remove(String key) {
            throw new AssertionError("a used solution must stay used");
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            throw new AssertionError("replace is not expected");
        }

        @Override
        public boolean contains(String key) {
            throw new AssertionError("contains-then-put races between nodes");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void claimsANamespacedKeyOnceWithTheGivenLifespan() {
        RecordingStore store = new RecordingStore();
        UsedSolutions used = new SingleUseObjectUsedSolutions(store);

        assertThat(used.markUsed("abc", 360)).isTrue();
        assertThat(used.markUsed("abc", 360)).isFalse();
        assertThat(used.markUsed("abd", 10)).isTrue();
        assertThat(store.lifespans).containsExactlyInAnyOrderEntriesOf(Map.of("sspr:altcha:abc", 360L, "sspr:altcha:abd", 10L));
    }
}
