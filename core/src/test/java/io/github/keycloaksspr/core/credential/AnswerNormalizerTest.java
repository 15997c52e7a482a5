package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Rex|rex",
            "'  Rex  '|rex",
            "'New   York'|new york",
            "'New\tYork\n'|new york",
            // no-break space and full-width letters are NFKC-folded to their plain forms
            "'New\u00a0York'|new york",
            "\uff32\uff45\uff58|rex",
            // the fi ligature becomes two letters
            "\ufb01do|fido",
            // full case folding approximated: sharp s and final sigma
            "Straße|strasse",
            "STRASSE|strasse",
            "ΟΔΥΣΣΕΥΣ|οδυσσευς",
            "οδυσσευσ|οδυσσευς",
            // composed and decomposed forms meet
            "Mu\u0308nchen|münchen",
    })
    void normalizes(String raw, String expected) {
        assertThat(AnswerNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void keepsWordsApart() {
        assertThat(AnswerNormalizer.normalize("newyork")).isNotEqualTo(AnswerNormalizer.normalize("new york"));
    }

    @Test
    void blankAndNullBecomeEmpty() {
        assertThat(AnswerNormalizer.normalize(null)).isEmpty();
        assertThat(AnswerNormalizer.normalize(" \t\u3000 ")).isEmpty();
    }
}
