package io.github.keycloaksspr.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.keycloak.common.util.Time;

/**
 * Keycloak's notion of now: {@link Time} plus the offset that the test framework (and the admin
 * "time offset" endpoint) can set. Code lifetimes and budget windows use this clock so that a test
 * moving server time forward sees codes expire and windows roll over exactly like the server does.
 */
public final class ServerClock extends Clock {

    private final ZoneId zone;

    public ServerClock() {
        this(ZoneOffset.UTC);
    }

    private ServerClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ServerClock(newZone);
    }

    @Override
    public long millis() {
        return Time.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
