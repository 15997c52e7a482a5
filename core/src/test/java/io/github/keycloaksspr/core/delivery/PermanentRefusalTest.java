package io.github.keycloaksspr.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.keycloaksspr.core.delivery.fakemail.SMTPAddressFailedException;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import org.junit.jupiter.api.Test;

class PermanentRefusalTest {

    @Test
    void twiliosAnswersAboutTheNumberMarkItOthersDoNot() {
        assertThat(PermanentRefusal.of(rejected(21211))).contains("invalid_number");
        assertThat(PermanentRefusal.of(rejected(21614))).contains("not_mobile");
        assertThat(PermanentRefusal.of(rejected(21610))).contains("unsubscribed");
        assertThat(PermanentRefusal.of(rejected(21612))).as("unroutable now, often not for long").isEmpty();
        assertThat(PermanentRefusal.of(rejected(20003))).as("our credentials, not the number").isEmpty();
        assertThat(PermanentRefusal.of(new PhoneDeliveryException(PhoneDeliveryException.Reason.TIMEOUT, "slow", null)))
                .isEmpty();
    }

    @Test
    void onlyAMailboxThatDoesNotExistMarksTheAddress() {
        assertThat(PermanentRefusal.of(new IllegalStateException("wrapped", new SMTPAddressFailedException(550))))
                .contains("mailbox_refused");
        assertThat(PermanentRefusal.of(new IllegalStateException("wrapped", new SMTPAddressFailedException(554))))
                .as("relay or sender refused: the server's fault").isEmpty();
        assertThat(PermanentRefusal.of(new IllegalStateException("wrapped", new SMTPAddressFailedException(552))))
                .as("a full mailbox passes").isEmpty();
        assertThat(PermanentRefusal.of(new java.io.IOException("connection refused"))).isEmpty();
    }

    @Test
    void aCallThatWentThroughSaysNothingAboutTexts() {
        assertThat(PermanentRefusal.disprovedBy("voice", "not_mobile")).isFalse();
        assertThat(PermanentRefusal.disprovedBy("voice", "unsubscribed")).isFalse();
        assertThat(PermanentRefusal.disprovedBy("voice", "invalid_number")).isTrue();
        assertThat(PermanentRefusal.disprovedBy("sms", "not_mobile")).isTrue();
    }

    private static PhoneDeliveryException rejected(int twilioCode) {
        return new PhoneDeliveryException(PhoneDeliveryException.Reason.REJECTED, "refused", 400, twilioCode, null);
    }
}
