package io.github.keycloaksspr.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.keycloaksspr.core.delivery.fakemail.SendFailedException;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import org.junit.jupiter.api.Test;

class PermanentRefusalTest {

    @Test
    void twiliosAnswersAboutTheNumberMarkItOthersDoNot() {
        assertThat(PermanentRefusal.of(rejected(21211))).contains("invalid_number");
        assertThat(PermanentRefusal.of(rejected(21614))).contains("not_mobile");
        assertThat(PermanentRefusal.of(rejected(21610))).contains("unsubscribed");
        assertThat(PermanentRefusal.of(rejected(21612))).contains("unreachable");
        assertThat(PermanentRefusal.of(rejected(20003))).as("our credentials, not the number").isEmpty();
        assertThat(PermanentRefusal.of(new PhoneDeliveryException(PhoneDeliveryException.Reason.TIMEOUT, "slow", null)))
                .isEmpty();
    }

    @Test
    void aMailServerRefusingTheRecipientForGoodMarksItATemporaryRefusalDoesNot() {
        assertThat(PermanentRefusal.of(new IllegalStateException("wrapped", new SendFailedException("gone@example.net"))))
                .contains("mailbox_refused");
        assertThat(PermanentRefusal.of(new IllegalStateException("wrapped", new SendFailedException()))).isEmpty();
        assertThat(PermanentRefusal.of(new java.io.IOException("connection refused"))).isEmpty();
    }

    private static PhoneDeliveryException rejected(int twilioCode) {
        return new PhoneDeliveryException(PhoneDeliveryException.Reason.REJECTED, "refused", 400, twilioCode, null);
    }
}
