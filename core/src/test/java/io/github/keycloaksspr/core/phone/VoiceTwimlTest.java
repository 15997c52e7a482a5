package io.github.keycloaksspr.core.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VoiceTwimlTest {

    @Test
    void speaksEachDigitSeparatelyTwiceWithAPauseBetween() {
        assertThat(VoiceTwiml.speakDigitsTwice("123456", "en-US")).isEqualTo(
                "<Response>"
                        + "<Say language=\"en-US\">1, 2, 3, 4, 5, 6.</Say>"
                        + "<Pause length=\"1\"/>"
                        + "<Say language=\"en-US\">1, 2, 3, 4, 5, 6.</Say>"
                        + "</Response>");
    }

    @Test
    void dropsWhitespaceInsideTheCode() {
        assertThat(VoiceTwiml.speakDigitsTwice(" 12 34 ", "de-DE")).contains(">1, 2, 3, 4.</Say>");
    }

    @Test
    void escapesMarkupInCodeAndLanguage() {
        String twiml = VoiceTwiml.speakDigitsTwice("1<&>", "en\"><Play>http://evil</Play><Say x=\"");

        assertThat(twiml)
                .contains(">1, &lt;, &amp;, &gt;.</Say>")
                .contains("language=\"en&quot;&gt;&lt;Play&gt;http://evil&lt;/Play&gt;&lt;Say x=&quot;\"")
                .doesNotContain("<Play>");
    }

    @Test
    void refusesBlankInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> VoiceTwiml.speakDigitsTwice(" ", "en-US"));
        assertThatIllegalArgumentException().isThrownBy(() -> VoiceTwiml.speakDigitsTwice("1234", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> VoiceTwiml.speakDigitsTwice(null, "en-US"));
    }
}
