package io.github.keycloaksspr.core.decoy;

import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.AnswerHasher;
import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.ContactHealthRates;
import io.github.keycloaksspr.core.credential.HashedAnswer;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SecurityAnswer;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.registration.RegistrationSettings;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What a method may give a stand-in account while it is being made up: registrations of the shape a real user of the
 * realm has, each drawn from the name's seed under the method's own use label, so that the same name always gets
 * the same ones.
 */
public final class StandIn {

    /** Hashes nothing: a stand-in's answers are never compared with anything (see {@link StandInAnswers}). */
    private static final AnswerHasher NO_HASHING = new AnswerHasher() {
        @Override
        public HashedAnswer hash(String normalizedAnswer) {
            return new HashedAnswer("none", 0, null, null, null, "none");
        }

        @Override
        public boolean verify(String normalizedAnswer, HashedAnswer stored) {
            return false;
        }
    };

    private static final long DAY_MILLIS = 86_400_000L;

    private final RealmModel realm;
    private final SsprPolicy policy;
    private final StandInUser user;
    private final StandInSeed seed;

    StandIn(RealmModel realm, SsprPolicy policy, StandInUser user, StandInSeed seed) {
        this.realm = realm;
        this.policy = policy;
        this.user = user;
        this.seed = seed;
    }

    public UserModel user() {
        return user;
    }

    /** The name's randomness for {@code use} (e.g. a method id). */
    public StandInSeed seed(String use) {
        return seed.forUse(use);
    }

    /** Registers {@code credential} with a stable id and a creation date in the past year. */
    public void addCredential(CredentialModel credential, String use) {
        StandInSeed draw = seed("credential:" + use);
        credential.setId(uuid(draw.bytes(16)));
        credential.setCreatedDate(Time.currentTimeMillis() - (1 + draw.below(365)) * DAY_MILLIS);
        user.add(credential);
    }

    public void setAttribute(String name, String value) {
        user.setSingleAttribute(name, value);
    }

    /** The stand-in's mobile phone, registered once whichever phone method asks first. */
    public String mobileNumber() {
        String number = FabricatedContacts.phoneNumber(policy.phone(), seed("mobile-phone"));
        if (!user.has(SsprCredentialTypes.MOBILE_PHONE)) {
            addCredential(markedAsTheRealms(MobilePhoneCredentialModel.createFor(number),
                    SsprCredentialTypes.MOBILE_PHONE), "mobile-phone");
        }
        return number;
    }

    /** Another number of the stand-in (an office line), drawn under {@code use}. */
    public String phoneNumber(String use) {
        return FabricatedContacts.phoneNumber(policy.phone(), seed(use));
    }

    public void registerAlternateEmail() {
        addCredential(markedAsTheRealms(AlternateEmailCredentialModel.createFor(
                FabricatedContacts.mailAddress(seed("alternate-email"))), SsprCredentialTypes.ALTERNATE_EMAIL),
                "alternate-email");
    }

    /** As many questions as the realm's users register, drawn from the realm's pool. */
    public void registerSecurityQuestions() {
        RegistrationSettings settings = RegistrationSettings.forRealm(realm);
        // Each question has a rank of its own: a question added to or removed from the pool moves no other one.
        List<SecurityAnswer> answers = settings.questionPool().stream()
                .sorted(Comparator.comparingInt(question -> seed("question:" + question).below(Integer.MAX_VALUE)))
                .limit(settings.questionsToRegister())
                .map(question -> new SecurityAnswer(question, "never compared"))
                .toList();
        addCredential(SecurityQuestionsCredentialModel.createFor(NO_HASHING, answers), "security-questions");
    }

    /** The contact marked unreachable as often (and for the same reasons) as the realm's contacts of its kind. */
    private <T extends CredentialModel> T markedAsTheRealms(T contact, String type) {
        StandInSeed draw = seed("health:" + type);
        return ContactHealthRates.draw(realm, type, draw.below(ContactHealthRates.SCALE))
                .map(reason -> ContactHealth.fabricated(contact,
                        reason, Time.currentTimeMillis() - (1 + draw.below((int) ContactHealth.MARK_DAYS - 1)) * DAY_MILLIS))
                .orElse(contact);
    }

    private static String uuid(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    /** Standard Base64, as Keycloak stores WebAuthn credential ids. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
