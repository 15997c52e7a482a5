package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** What the benchmarks share: timing requests after a warm-up, and percentiles of the times. */
public final class Timings {

    private Timings() {
    }

    /**
     * Sends {@code warmUp + runs} requests, each built before its clock starts (a token fetch is not timed), and
     * returns the nanoseconds of the last {@code runs}; every answer must be 200.
     */
    public static List<Long> timeRequests(HttpClient http, Supplier<HttpRequest> request, int warmUp, int runs)
            throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < warmUp + runs; i++) {
            HttpRequest next = request.get();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (i >= warmUp) {
                times.add(elapsed);
            }
        }
        return times;
    }

    /** The {@code percentile} (nearest rank) of {@code nanos}, in milliseconds. */
    public static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        return sorted.get(index) / 1_000_000.0;
    }
}
