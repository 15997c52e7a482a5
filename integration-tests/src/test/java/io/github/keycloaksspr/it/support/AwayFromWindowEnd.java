package io.github.keycloaksspr.it.support;

import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts each test of a class that spends a budget or fills an attempt ledger at least {@link #MARGIN} before the
 * next five-minute mark. The pack counts in fixed windows that begin at whole multiples of their length since the
 * epoch, and every window these tests use (5 and 60 minutes, 1 and 24 hours) is a multiple of five minutes; a test
 * that straddled a boundary would see its count start again, and the refusal it expects would not come. The test
 * server runs on this machine's clock (a test's own time offset is set later, inside the test).
 * <p>
 * Use with {@code @ExtendWith(AwayFromWindowEnd.class)}; each such test must spend its budget within the margin.
 */
public final class AwayFromWindowEnd implements BeforeEachCallback {

    static final Duration MARK = Duration.ofMinutes(5);
    static final Duration MARGIN = Duration.ofSeconds(15);

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        long left = MARK.toMillis() - Math.floorMod(System.currentTimeMillis(), MARK.toMillis());
        if (left < MARGIN.toMillis()) {
            // Past the mark, plus a second for the server's clock to be there too.
            Thread.sleep(left + 1_000);
        }
    }
}
