package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.delivery.CodeDelivery;
import io.github.keycloaksspr.core.delivery.PhoneCodeDelivery;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import io.github.keycloaksspr.core.profile.UserEditableAttributes;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A call to the office number held in a user attribute ({@code telephoneNumber} by default, as AD's LDAP mapper
 * fills it). The number proves something only if the user cannot change it: the method is offered only while the
 * realm's user profile lets administrators alone edit that attribute (the debug log says why it is not offered).
 */
public final class OfficePhoneMethod extends PhoneCodeMethod {

    private static final Logger LOG = Logger.getLogger(OfficePhoneMethod.class);

    private final String attribute;

    OfficePhoneMethod(String attribute) {
        this.attribute = attribute;
    }

    @Override
    public String id() {
        return SsprMethodIds.OFFICE_PHONE;
    }

    @Override
    public Factor factor() {
        return Factor.OFFICE_PHONE;
    }

    @Override
    String instructionKey() {
        return "ssprMethodOfficePhoneInstruction";
    }

    @Override
    public boolean isAvailable(MethodContext context) {
        if (!super.isAvailable(context)) {
            return false;
        }
        boolean adminOnly = !UserEditableAttributes.editableByUsers(context.session(), attribute);
        if (!adminOnly) {
            // Debug, not warn: this runs at every sign-in (registration trigger) and every reset page.
            LOG.debugf("SSPR office phone is not offered in realm %s: users can edit the attribute '%s' "
                    + "(user profile: allow edit to admin only)", context.realm().getName(), attribute);
        }
        return adminOnly;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.attribute(attribute);
    }

    @Override
    Optional<String> number(MethodContext context, UserModel user) {
        return Optional.ofNullable(user.getFirstAttribute(attribute))
                .flatMap(typed -> PhoneNumbers.check(typed, context.policy().phone()).e164());
    }

    /** The office phone proves the mobile phone when it is the same number, for users and administrators alike. */
    @Override
    public Factor factorFor(MethodContext context, UserModel user) {
        Optional<String> office = number(context, user);
        Optional<String> mobile = SsprCredentials.mobileNumber(user)
                .flatMap(typed -> PhoneNumbers.check(typed, context.policy().phone()).e164());
        return office.isPresent() && office.equals(mobile) ? Factor.MOBILE_PHONE : factor();
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        standIn.setAttribute(attribute, standIn.phoneNumber("office-phone"));
    }

    @Override
    CodeDelivery delivery() {
        return PhoneCodeDelivery.VOICE;
    }

    /** Option {@code --spi-sspr-method--sspr-office-phone--attribute} names the user attribute. */
    public static final class Factory implements SsprMethodFactory {

        static final String DEFAULT_ATTRIBUTE = "telephoneNumber";

        private OfficePhoneMethod method = new OfficePhoneMethod(DEFAULT_ATTRIBUTE);

        @Override
        public void init(Config.Scope config) {
            method = new OfficePhoneMethod(config.get("attribute", DEFAULT_ATTRIBUTE));
        }

        @Override
        public SsprMethod create(KeycloakSession session) {
            return method;
        }

        @Override
        public String getId() {
            return SsprMethodIds.OFFICE_PHONE;
        }
    }
}
