package io.github.keycloaksspr.core.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.keycloaksspr.core.email.EmailAddresses;
import io.github.keycloaksspr.core.masking.Masking;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

/**
 * An email address other than the account's own, verified by a code, that may receive reset codes.
 * Credential data: {@code {"email":"name@example.com"}} (domain lower-cased). No secret: possession
 * is proven by the one-time code.
 */
public final class AlternateEmailCredentialModel extends CredentialModel {

    public static final String TYPE = SsprCredentialTypes.ALTERNATE_EMAIL;

    private final String email;

    private AlternateEmailCredentialModel(String email) {
        this.email = email;
    }

    /** A new, not yet stored credential for {@code address}; the caller has verified it by a code. */
    public static AlternateEmailCredentialModel createFor(String address) {
        String email = EmailAddresses.normalize(address);
        AlternateEmailCredentialModel model = new AlternateEmailCredentialModel(email);
        model.setType(TYPE);
        model.setCredentialData(CredentialJson.write(new Data(email)));
        model.setSecretData(CredentialJson.NO_SECRET);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setUserLabel(Masking.email(email));
        return model;
    }

    public static AlternateEmailCredentialModel createFromCredentialModel(CredentialModel stored) {
        Data data = CredentialJson.read(stored.getCredentialData(), Data.class, TYPE, stored.getId());
        if (!EmailAddresses.isValid(data.email())) {
            throw new IllegalArgumentException(TYPE + " credential " + stored.getId() + " holds no valid email address");
        }
        String email = EmailAddresses.normalize(data.email());
        return CredentialJson.restored(new AlternateEmailCredentialModel(email), stored, TYPE, Masking.email(email));
    }

    /** The address. Personal data: show {@link Masking#email(String)} unless the user is verified. */
    public String email() {
        return email;
    }

    /** Unknown fields are ignored so that a node running an older version can read what a newer one wrote. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String email) {
    }
}
