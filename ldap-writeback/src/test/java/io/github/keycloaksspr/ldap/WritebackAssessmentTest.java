package io.github.keycloaksspr.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WritebackAssessmentTest {

    private static final Map<String, String> GOOD = Map.of("vendor", "ad", "editMode", "WRITABLE",
            "connectionUrl", "ldaps://dc1.example.test:636", "startTls", "false", "enabled", "true");

    private static Map<String, String> with(String key, String value) {
        HashMap<String, String> config = new HashMap<>(GOOD);
        config.put(key, value);
        return config;
    }

    @Test
    void aWritableLdapsActiveDirectoryHasNoWarnings() {
        WritebackAssessment assessment = WritebackAssessment.of(GOOD);
        assertThat(assessment.warnings()).isEmpty();
        assertThat(assessment.encryptedTransport()).isTrue();
        assertThat(assessment.resetsReachDirectory()).isTrue();
    }

    @Test
    void readOnlyAndUnsyncedCannotWriteBack() {
        assertThat(WritebackAssessment.of(with("editMode", "READ_ONLY")).warnings()).containsExactly("read_only");
        assertThat(WritebackAssessment.of(with("editMode", "UNSYNCED")).warnings()).containsExactly("unsynced");
        assertThat(WritebackAssessment.of(with("editMode", "READ_ONLY")).resetsReachDirectory()).isFalse();
    }

    @Test
    void plainLdapToActiveDirectoryIsUnencryptedUnlessStartTls() {
        assertThat(WritebackAssessment.of(with("connectionUrl", "ldap://dc1:389")).warnings())
                .containsExactly("unencrypted_transport");
        Map<String, String> startTls = new HashMap<>(with("connectionUrl", "ldap://dc1:389"));
        startTls.put("startTls", "true");
        assertThat(WritebackAssessment.of(startTls).warnings()).isEmpty();
        // Failover lists: every server must be encrypted.
        assertThat(WritebackAssessment.of(with("connectionUrl", "ldaps://dc1 ldap://dc2")).encryptedTransport()).isFalse();
    }

    @Test
    void otherVendorsAndDisabledProvidersAreNamed() {
        WritebackAssessment other = WritebackAssessment.of(with("vendor", "other"));
        assertThat(other.warnings()).containsExactly("not_active_directory");
        assertThat(other.resetsReachDirectory()).isTrue();
        assertThat(WritebackAssessment.of(with("enabled", "false")).warnings()).containsExactly("disabled");
    }
}
