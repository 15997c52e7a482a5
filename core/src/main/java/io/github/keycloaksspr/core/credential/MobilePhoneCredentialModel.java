package io.github.keycloaksspr.core.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

/**
 * A mobile phone number that received and returned a code, so it may receive reset codes by SMS or
 * voice. Credential data: {@code {"number":"+4915112345678"}} (E.164). It has no secret: possession
 * is proven by the one-time code, never by anything stored here.
 */
public final class MobilePhoneCredentialModel extends CredentialModel {

    public static final String TYPE = SsprCredentialTypes.MOBILE_PHONE;

    private final String number;

    private MobilePhoneCredentialModel(String number) {
        this.number = number;
    }

    /** A new, not yet stored credential for {@code e164}; the caller has verified the number by a code. */
    public static MobilePhoneCredentialModel createFor(String e164) {
        String number = requireE164(e164, "new");
        MobilePhoneCredentialModel model = new MobilePhoneCredentialModel(number);
        model.setType(TYPE);
        model.setCredentialData(CredentialJson.write(new Data(number)));
        model.setSecretData(CredentialJson.NO_SECRET);
        model.setCreatedDate(Time.currentTimeMillis());
        // The Account Console lists credentials by label: the masked number tells them apart without showing it whole.
        model.setUserLabel(Masking.phone(number));
        return model;
    }

    public static MobilePhoneCredentialModel createFromCredentialModel(CredentialModel stored) {
        Data data = CredentialJson.read(stored.getCredentialData(), Data.class, TYPE, stored.getId());
        String number = requireE164(data.number(), stored.getId());
        return CredentialJson.restored(new MobilePhoneCredentialModel(number), stored, TYPE, Masking.phone(number));
    }

    /** The number in E.164 form. Personal data: show {@link Masking#phone(String)} unless the user is verified. */
    public String number() {
        return number;
    }

    // The message never repeats the number.
    private static String requireE164(String number, String credentialId) {
        if (!PhoneNumbers.isE164(number)) {
            throw new IllegalArgumentException(TYPE + " credential " + credentialId + " needs an E.164 number, e.g. +4915112345678");
        }
        return number;
    }

    /** Unknown fields are ignored so that a node running an older version can read what a newer one wrote. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String number) {
    }
}
