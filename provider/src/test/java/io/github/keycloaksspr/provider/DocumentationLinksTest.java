package io.github.keycloaksspr.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/ leads somewhere: the file exists, and an anchor names a heading of it (as
 * GitHub makes anchors: lower case, punctuation dropped, spaces to hyphens). The README stays short.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

    @Test
    void everyRelativeLinkAndAnchorExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            String text = FENCE.matcher(Files.readString(document, StandardCharsets.UTF_8)).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(document + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(documents()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theReadmeStaysShortAndTheProjectHasALicence() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(250);
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(Files.readString(ROOT.resolve("NOTICE"))).contains("com.twilio.sdk:twilio", "net.tirasa:adsddl");
    }

    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }

    private static Set<String> anchors(Path document) throws IOException {
        if (!document.toString().endsWith(".md")) {
            return Set.of();
        }
        String text = FENCE.matcher(Files.readString(document, StandardCharsets.UTF_8)).replaceAll("");
        return HEADING.matcher(text).results().map(m -> anchor(m.group(1))).collect(Collectors.toSet());
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        }
    }
}
