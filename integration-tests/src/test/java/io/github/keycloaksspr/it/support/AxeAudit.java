package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * axe-core's check (WCAG 2.1 A and AA) of the pages a test walks in a real Chromium, by locale and page; the English
 * pages are saved as screenshots ({@code -Dsspr.screenshots=../docs/images} regenerates the docs' images).
 */
public final class AxeAudit {

    private final String script = read(System.getProperty("sspr.axeScript"));
    private final Path screenshots = Path.of(System.getProperty("sspr.screenshots", "target/screenshots"));
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    /** Checks the browser's current page, named {@code page}, shown in {@code locale}. */
    public void check(ChromiumBrowser browser, String locale, String page) {
        violations.put(locale + " " + page, browser.accessibilityViolations(script, "serious", "critical"));
        if ("en".equals(locale)) {
            browser.screenshot(screenshotFile(page + ".png"));
        }
    }

    /** Where a screenshot named {@code name} goes. */
    public Path screenshotFile(String name) {
        return screenshots.resolve(name);
    }

    /** Prints each page's count; asserts that {@code pages} pages were checked and none has a serious or critical one. */
    public void assertNoSeriousViolationsIn(int pages) {
        violations.forEach((page, found) -> System.out.printf("axe %-40s serious/critical: %d%n", page, found.size()));
        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
        assertThat(violations).hasSize(pages);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is fetched by the build (target/axe/axe.min.js)", e);
        }
    }
}
