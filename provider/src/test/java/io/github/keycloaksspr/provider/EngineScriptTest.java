package io.github.keycloaksspr.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code scripts/docker-engine.sh} takes several verbs in order, as the README writes it ({@code install start}), and
 * checks them all before it runs the first: a typo runs nothing.
 */
class EngineScriptTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "docker-engine.sh");

    @Test
    void aWrongVerbAnywhereRunsNothingAndSaysWhich() throws Exception {
        Process run = new ProcessBuilder("bash", SCRIPT.toString(), "status", "strat").redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("unknown verb 'strat'").contains("install start");
    }

    @Test
    void theReadmeWritesSeveralVerbsInOneCall() throws Exception {
        assertThat(java.nio.file.Files.readString(Path.of("..", "README.md")))
                .contains("bash scripts/docker-engine.sh install start");
    }
}
