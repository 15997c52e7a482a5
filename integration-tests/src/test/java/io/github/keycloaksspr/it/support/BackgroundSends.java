package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Waits until the server has nothing left to send in the background: every code and notice it handed to an executor
 * has been sent, has failed or was dropped with its transaction. The pack counts each one on {@code /metrics} in the
 * request that causes it ({@code sspr_background_queued_total}) and again when it is over
 * ({@code sspr_background_done_total}): once the two are equal, "nothing (more) was sent" is a fact, not a guess.
 */
public final class BackgroundSends {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private BackgroundSends() {
    }

    /**
     * Every node's metrics URL, e.g. {@code http://localhost:9000/metrics}; returns how many sends the nodes have
     * queued since they started (all of them over by now).
     */
    public static double awaitIdle(String... metricsUrls) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            double queued = 0;
            double done = 0;
            for (String url : metricsUrls) {
                List<String> lines = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body().lines().toList();
                queued += sum(lines, "sspr_background_queued_total");
                done += sum(lines, "sspr_background_done_total");
            }
            if (queued == done) {
                return queued;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background sends still running after " + PATIENCE + ": " + queued
                        + " queued, " + done + " done");
            }
            Thread.sleep(50);
        }
    }

    private static double sum(List<String> lines, String metric) {
        return lines.stream().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
