package io.github.keycloaksspr.core.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.keycloaksspr.core.profile.UserEditableAttributes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The user attributes in which earlier releases kept a user's state. They move to {@code SSPR_USER_STATE} the
 * first time the pack writes the user's state (or in the background after start-up, or before coverage is counted);
 * after that nothing written to them counts. They stay in place for one release, so that the older nodes of a rolling
 * upgrade keep reading what they wrote. A value counts only where the realm's user profile never let users write it;
 * where it did, the pack assumes the worst of the record, as those releases did: no Keycloak credential created after
 * the account counts unless set up on the security-info page, and no confirmation is carried over. A confirmation,
 * believed or not, means the account had security info: registering again needs the account address.
 */
final class LegacyStateAttributes {

    static final String VETTED_UNTIL = "sspr.vettedUntil";
    static final String VETTED_CREDENTIALS = "sspr.vettedCredentials";
    static final String CONFIRMED_AT = "sspr.confirmedAt";
    static final String PROMPTED_AT = "sspr.promptedAt";
    static final List<String> NAMES = List.of(VETTED_UNTIL, VETTED_CREDENTIALS, CONFIRMED_AT, PROMPTED_AT);

    private LegacyStateAttributes() {
    }

    /** The attributes' state of a user without a row; {@link UserState#NEVER_SEEN} for a user with none. */
    static UserState read(KeycloakSession session, UserModel user) {
        Optional<Long> confirmed = Optional.ofNullable(number(user.getFirstAttribute(CONFIRMED_AT)));
        if (userWritable(session)) {
            return new UserState(Optional.of(createdOrZero(user)), Set.of(), Optional.empty(),
                    Optional.empty(), confirmed, List.of());
        }
        return new UserState(Optional.ofNullable(number(user.getFirstAttribute(VETTED_UNTIL))),
                user.getAttributeStream(VETTED_CREDENTIALS).collect(Collectors.toCollection(LinkedHashSet::new)),
                confirmed, Optional.ofNullable(number(user.getFirstAttribute(PROMPTED_AT))), confirmed, List.of());
    }

    static boolean userWritable(KeycloakSession session) {
        return NAMES.stream().anyMatch(name -> UserEditableAttributes.editableByUsers(session, name));
    }

    /** The account's creation: a credential that came with the account (import, admin) still counts. */
    private static long createdOrZero(UserModel user) {
        Long created = user.getCreatedTimestamp();
        return created == null ? 0L : created;
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // An edited value vets and confirms nothing.
            return 0L;
        }
    }
}
