package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One node of a Keycloak cluster as ops run it: the 26.7.3 distribution from Maven Central with the shipped JAR in
 * {@code providers/}, built for PostgreSQL and the embedded Infinispan cluster ({@code --cache=ispn}, jdbc-ping
 * discovery through the shared database), started with {@code start --optimized}. Nodes share one host name
 * (127.0.0.1, so the browser's cookies go to every node) on their own ports, and bind Infinispan to their own
 * loopback address.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final int httpPort;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private ClusterNode(String name, int httpPort, int managementPort, Process process, Path log) {
        this.name = name;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /**
     * The distribution unpacked under {@code work}, with the JAR installed and {@code kc.sh build} run once (the build
     * takes about a minute; nodes then start in about as long).
     */
    public static Path prepare(Path distributionZip, Path providerJar, Path work) throws Exception {
        Path home = work.resolve("keycloak");
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            unzip(distributionZip, work);
            try (var entries = Files.list(work)) {
                Path unpacked = entries.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst()
                        .orElseThrow();
                Files.move(unpacked, home);
            }
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
        }
        Files.copy(providerJar, home.resolve("providers").resolve(providerJar.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        run(home, work.resolve("build.log"), List.of("build", "--db=postgres", "--cache=ispn",
                "--health-enabled=true", "--metrics-enabled=true"));
        return home;
    }

    /** Starts a node; {@link #awaitReady} waits for it. */
    public static ClusterNode start(Path home, String name, int httpPort, int managementPort, String bindAddress,
                                    String databaseUrl, Map<String, String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--db-url=" + databaseUrl, "--db-username=keycloak", "--db-password=keycloak",
                "--cache-embedded-network-bind-address=" + bindAddress, "--cache-embedded-network-bind-port=7800"));
        options.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = home.getParent().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return new ClusterNode(name, httpPort, managementPort, builder.start(), log);
    }

    /** The node's Prometheus endpoint on its management port. */
    public String metricsUrl() {
        return "http://127.0.0.1:" + managementPort + "/metrics";
    }

    public ClusterNode awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    /** The node's log so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** As a crash does: SIGKILL to the node and its script, no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static void run(Path home, Path log, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(arguments);
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh " + arguments + " failed; see " + log);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(entries, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
