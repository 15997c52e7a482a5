package io.github.keycloaksspr.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.masking.Masking;
import org.junit.jupiter.api.Test;

/** The masked addresses the docs show are what users see: the domain only for the large personal mail services. */
class MaskedExamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern MASKED_ADDRESS = Pattern.compile("(\\p{L})\u2022\u2022\u2022@([A-Za-z0-9.-]+|\u2022\u2022\u2022)");

    @Test
    void everyMaskedAddressInTheDocsFollowsTheMaskingRule() throws IOException {
        List<String> examples = new ArrayList<>();
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        for (Path page : pages) {
            Matcher example = MASKED_ADDRESS.matcher(Files.readString(page));
            while (example.find()) {
                String domain = example.group(2).replaceFirst("\\.$", "");
                String address = example.group(1) + "x@" + (domain.startsWith("\u2022") ? "example.net" : domain);
                assertThat(example.group(1) + "\u2022\u2022\u2022@" + domain).as("%s", page.getFileName())
                        .isEqualTo(Masking.email(address));
                examples.add(example.group());
            }
        }
        assertThat(examples).as("the docs show masked addresses").isNotEmpty();
    }
}
