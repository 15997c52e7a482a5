package io.github.keycloaksspr.requiredactions;

import java.util.List;

import io.github.keycloaksspr.core.code.OneTimeCodes;
import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.delivery.CodeDelivery;
import io.github.keycloaksspr.core.delivery.EmailCodeDelivery;
import io.github.keycloaksspr.core.delivery.PhoneCodeDelivery;
import io.github.keycloaksspr.core.email.EmailAddresses;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.phone.PhoneCheck;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Mobile phone and alternate email: each counts only after the code sent to it comes back, through the same code
 * service, budgets and three-tries rule as the reset flow.
 */
final class ContactRegistration {

    /** Code purposes distinct from the reset flow's, so a reset code never registers a method and vice versa. */
    static final String PURPOSE_SMS = "register-sms";
    static final String PURPOSE_EMAIL = "register-email";

    static final String NOTE_PENDING_PURPOSE = "sspr.register.pendingPurpose";
    static final String NOTE_PENDING_DESTINATION = "sspr.register.pendingDestination";

    static final String FIELD_PHONE = "phone";
    /** Every phone of a user is texted when security info changes: a handful is plenty for a person. */
    static final int MAX_PHONES = 5;
    static final String FIELD_EMAIL = "email";

    /** A code sent and not yet entered: {@code channel} is {@code sms} or {@code email}. */
    record Pending(String channel, String maskedDestination) {
    }

    private ContactRegistration() {
    }

    static Pending pending(RegistrationStep step) {
        String purpose = step.authSession().getAuthNote(NOTE_PENDING_PURPOSE);
        String destination = step.authSession().getAuthNote(NOTE_PENDING_DESTINATION);
        if (purpose == null || destination == null) {
            return null;
        }
        return PURPOSE_SMS.equals(purpose)
                ? new Pending("sms", PhoneCodeDelivery.SMS.masked(destination))
                : new Pending("email", EmailCodeDelivery.INSTANCE.masked(destination));
    }

    static boolean phoneAvailable(MethodContext methods) {
        List<String> enabled = methods.policy().methods();
        if (!enabled.contains(SsprMethodIds.SMS) && !enabled.contains(SsprMethodIds.VOICE)) {
            return false;
        }
        return PhoneGateway.configured(methods.session()).isPresent();
    }

    static void addPhone(RegistrationStep step, String input) {
        if (!phoneAvailable(step.methods())) {
            step.page().error(FIELD_PHONE, "ssprRegisterPhoneUnavailable").show();
            return;
        }
        if (SsprCredentials.mobilePhones(step.user()).count() >= MAX_PHONES) {
            step.page().error(FIELD_PHONE, "ssprRegisterPhoneLimit").show();
            return;
        }
        PhoneCheck check = PhoneNumbers.check(input, step.methods().policy().phone());
        if (check.refusal().isPresent()) {
            step.event(EventType.UPDATE_CREDENTIAL_ERROR).detail(Details.CREDENTIAL_TYPE, SsprCredentialTypes.MOBILE_PHONE)
                    .detail(SsprEvents.REASON, check.refusal().get().reason()).error(RegistrationEvents.PHONE_REFUSED);
            step.page().error(FIELD_PHONE, check.refusal().get().messageKey()).show();
            return;
        }
        startChallenge(step, PURPOSE_SMS, check.e164().orElseThrow(), "ssprRegisterSmsSent", PhoneCodeDelivery.SMS);
    }

    static void addEmail(RegistrationStep step, String input) {
        if (!step.methods().policy().methods().contains(SsprMethodIds.EMAIL)) {
            step.page().error(FIELD_EMAIL, "ssprRegisterEmailUnavailable").show();
            return;
        }
        if (input == null || !EmailAddresses.isValid(input.trim())) {
            step.page().error(FIELD_EMAIL, "ssprRegisterEmailInvalid").show();
            return;
        }
        String address = EmailAddresses.normalize(input.trim());
        String own = step.user().getEmail();
        if (own != null && own.strip().equalsIgnoreCase(address)) {
            // The mailbox of the account address falls with the password it should recover (and often is the same
            // directory login): it is no second way back in.
            step.event(EventType.UPDATE_CREDENTIAL_ERROR).detail(Details.CREDENTIAL_TYPE,
                    SsprCredentialTypes.ALTERNATE_EMAIL).detail(SsprEvents.REASON, "account_address")
                    .error(RegistrationEvents.EMAIL_REFUSED);
            step.page().error(FIELD_EMAIL, "ssprRegisterEmailIsAccountAddress").show();
            return;
        }
        startChallenge(step, PURPOSE_EMAIL, address, "ssprRegisterEmailSent", EmailCodeDelivery.INSTANCE);
    }

    static void verify(RegistrationStep step, String code) {
        AuthenticationSessionModel authSession = step.authSession();
        String purpose = authSession.getAuthNote(NOTE_PENDING_PURPOSE);
        String destination = authSession.getAuthNote(NOTE_PENDING_DESTINATION);
        if (purpose == null || destination == null) {
            step.page().error(null, "ssprErrorCodeExpired").show();
            return;
        }
        MethodOutcome outcome = CodeChallenges.verify(step.methods(), purpose, code == null ? "" : code.trim());
        EventBuilder event = step.event(EventType.UPDATE_CREDENTIAL)
                .detail(SsprEvents.PURPOSE, purpose).detail(SsprEvents.REASON, outcome.reason());
        switch (outcome.status()) {
            case VERIFIED -> {
                UserModel user = step.user();
                CredentialModel credential = PURPOSE_SMS.equals(purpose)
                        ? MobilePhoneCredentialModel.createFor(destination)
                        : AlternateEmailCredentialModel.createFor(destination);
                if (!alreadyRegistered(user, purpose, destination)) {
                    step.rememberContacts();
                    credential.setUserLabel(SsprCredentials.uniqueLabel(user, credential.getType(),
                            credential.getUserLabel()));
                    user.credentialManager().createStoredCredential(credential);
                    step.announce(SecurityInfoNotices.ADDED, credential.getType());
                }
                Factor.ofPackCredentialType(credential.getType()).ifPresent(factor ->
                        SecurityInfoProof.verifiedInThisSignIn(authSession, factor));
                event.detail(Details.CREDENTIAL_TYPE, credential.getType()).success();
                clearPending(step);
                step.page().success("ssprRegisterMethodAdded").show();
            }
            case WRONG -> {
                event.error("invalid_code");
                step.page().error(CodeChallenges.CODE_FIELD, outcome.errorKey()).show();
            }
            case SPENT -> {
                event.error("expired_code");
                clearPending(step);
                step.page().error(null, outcome.errorKey()).show();
            }
        }
    }

    static void clearPending(RegistrationStep step) {
        step.authSession().removeAuthNote(NOTE_PENDING_PURPOSE);
        step.authSession().removeAuthNote(NOTE_PENDING_DESTINATION);
    }

    private static void startChallenge(RegistrationStep step, String purpose, String destination,
                                       String instructionKey, CodeDelivery delivery) {
        AuthenticationSessionModel authSession = step.authSession();
        if (!destination.equals(authSession.getAuthNote(NOTE_PENDING_DESTINATION))) {
            // A live code belongs to the destination it was sent to: a new destination needs its own code.
            OneTimeCodes.of(step.context().getSession(), authSession).discard(purpose);
        }
        MethodChallenge challenge = CodeChallenges.challenge(step.methods(), step.user(), purpose, destination,
                instructionKey, delivery);
        EventBuilder event = step.event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(SsprEvents.STEP, RegistrationEvents.CODE_SENT).detail(SsprEvents.PURPOSE, purpose);
        if (!challenge.started()) {
            event.detail(SsprEvents.REASON, challenge.reason()).error(RegistrationEvents.SEND_REFUSED);
            clearPending(step);
            step.page().error(null, challenge.errorKey(), challenge.errorArgs().toArray()).show();
            return;
        }
        event.success();
        authSession.setAuthNote(NOTE_PENDING_PURPOSE, purpose);
        authSession.setAuthNote(NOTE_PENDING_DESTINATION, destination);
        step.page().show();
    }

    private static boolean alreadyRegistered(UserModel user, String purpose, String destination) {
        return PURPOSE_SMS.equals(purpose)
                ? SsprCredentials.mobilePhones(user).anyMatch(p -> p.number().equals(destination))
                : SsprCredentials.alternateEmails(user).anyMatch(e -> e.email().equals(destination));
    }
}
