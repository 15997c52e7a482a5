package io.github.keycloaksspr.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

class ServerClockTest {

    @AfterEach
    void resetOffset() {
        Time.setOffset(0);
    }

    @Test
    void followsKeycloaksTimeOffset() {
        ServerClock clock = new ServerClock();
        long before = clock.millis();

        Time.setOffset(3600);

        assertThat(clock.millis() - before).isBetween(3_600_000L, 3_660_000L);
        assertThat(clock.instant().toEpochMilli()).isCloseTo(Time.currentTimeMillis(), Offset.offset(1000L));
    }
}
