package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.keycloaksspr.core.phone.SpokenMessage;
import org.junit.jupiter.api.Test;

class VoiceTwimlTest {

    private static String twiml(String code, String language) {
        return VoiceTwiml.of(SpokenMessage.codeReadTwice(code, language));
    }

    @Test
    void speaksEachDigitSeparatelyTwiceWithAPauseBetween() {
        assertThat(twiml("123456", "en-US")).isEqualTo(
                "<Response>"
                        + "<Say language=\"en-US\">1, 2, 3, 4, 5, 6.</Say>"
                        + "<Pause length=\"1\"/>"
                        + "<Say language=\"en-US\">1, 2, 3, 4, 5, 6.</Say>"
                        + "</Response>");
    }

    @Test
    void dropsWhitespaceInsideTheCode() {
        assertThat(twiml(" 12 34 ", "de-DE")).contains(">1, 2, 3, 4.</Say>");
    }

    @Test
    void escapesMarkupInCodeAndLanguage() {
        String twiml = twiml("1<&>", "en\"><Play>http://evil</Play><Say x=\"");

        assertThat(twiml)
                .contains(">1, &lt;, &amp;, &gt;.</Say>")
                .contains("language=\"en&quot;&gt;&lt;Play&gt;http://evil&lt;/Play&gt;&lt;Say x=&quot;\"")
                .doesNotContain("<Play>");
    }

    @Test
    void refusesBlankInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> SpokenMessage.codeReadTwice(" ", "en-US"));
        assertThatIllegalArgumentException().isThrownBy(() -> SpokenMessage.codeReadTwice("1234", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> SpokenMessage.codeReadTwice(null, "en-US"));
    }
}
