package io.github.keycloaksspr.core.credential;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/**
 * Reads a user's stored credentials of the pack's types. A credential whose data cannot be read (a
 * bad realm import, say) is skipped with a warning naming its id, so that one broken entry does not
 * make the user's other methods unusable.
 */
public final class SsprCredentials {

    private static final Logger LOG = Logger.getLogger(SsprCredentials.class);

    private SsprCredentials() {
    }

    /** The user's stored credentials of {@code type}, oldest first. */
    public static Stream<CredentialModel> ofType(UserModel user, String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type)
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    public static Stream<MobilePhoneCredentialModel> mobilePhones(UserModel user) {
        return readable(user, SsprCredentialTypes.MOBILE_PHONE, MobilePhoneCredentialModel::createFromCredentialModel);
    }

    public static Stream<AlternateEmailCredentialModel> alternateEmails(UserModel user) {
        return readable(user, SsprCredentialTypes.ALTERNATE_EMAIL, AlternateEmailCredentialModel::createFromCredentialModel);
    }

    /** Where a code to the user's phone goes: the oldest registered mobile number. */
    public static Optional<String> mobileNumber(UserModel user) {
        return mobilePhones(user).map(MobilePhoneCredentialModel::number).findFirst();
    }

    /** Where a code by email goes: the oldest registered alternate address. */
    public static Optional<String> alternateEmail(UserModel user) {
        return alternateEmails(user).map(AlternateEmailCredentialModel::email).findFirst();
    }

    /** The user's set of security questions; the provider keeps at most one, the newest wins otherwise. */
    public static Optional<SecurityQuestionsCredentialModel> securityQuestions(UserModel user) {
        return readable(user, SsprCredentialTypes.SECURITY_QUESTIONS, SecurityQuestionsCredentialModel::createFromCredentialModel)
                .reduce((older, newer) -> newer);
    }

    /**
     * {@code label}, or {@code label (2)}, {@code label (3)}... if the user already has a credential of this type with
     * that label: Keycloak refuses two credentials of one type with the same label, and masked values collide easily
     * (two addresses starting with the same letter at the same domain).
     */
    public static String uniqueLabel(UserModel user, String type, String label) {
        Set<String> taken = new HashSet<>();
        user.credentialManager().getStoredCredentialsByTypeStream(type).map(CredentialModel::getUserLabel)
                .filter(Objects::nonNull).forEach(taken::add);
        String candidate = label;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }

    private static <T extends CredentialModel> Stream<T> readable(
            UserModel user, String type, Function<CredentialModel, T> reader) {
        return ofType(user, type).flatMap(stored -> {
            try {
                return Stream.of(reader.apply(stored));
            } catch (IllegalArgumentException e) {
                // The message names type and id only; the data may be personal.
                LOG.warnf("skipping unreadable credential: %s", e.getMessage());
                return Stream.empty();
            }
        });
    }
}
