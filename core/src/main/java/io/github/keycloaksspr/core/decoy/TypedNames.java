package io.github.keycloaksspr.core.decoy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

/**
 * What a name typed at "Forgot password?" stands for. The property it keeps: for any two texts typed, whether they
 * lead to the same run must not depend on whether an account exists. Where addresses are names (sign-in with email,
 * or email as username) every spelling of one person is one <em>key</em>: an address counts as its local part, at
 * any domain. An account is then reached by every spelling of its key — its username, its address, its address's
 * local part, and that local part at any other domain — exactly as a name that leads nowhere gets one stand-in for all
 * of them. Spellings of two different keys lead to two runs, for an account and for a stranger alike.
 *
 * <p>What this cannot hide: an address that is one account's email while its local part is another account's
 * username or another account's local part leads to two runs, where for strangers it leads to one; a stranger who
 * already knows both accounts' names learns nothing new.
 */
public final class TypedNames {

    /** Candidates read for a local part; a real local part has one owner, a few more are the prefix search's noise. */
    private static final int LOCAL_PART_CANDIDATES = 10;
    /** A local part that the user search would read as a pattern or as several terms is not looked up. */
    private static final Pattern SEARCHABLE_LOCAL_PART = Pattern.compile("[^\\s*\"\\\\@%]+");

    private TypedNames() {
    }

    /** The key of a typed name: trimmed, in lower case, an address folded to its local part where addresses are names. */
    public static String canonical(RealmModel realm, String typed) {
        String name = normalized(typed);
        int at = name.lastIndexOf('@');
        if (at > 0 && addressesAreNames(realm)) {
            return name.substring(0, at);
        }
        return name;
    }

    /**
     * The account {@code typed} leads to, if any: an exact address or username first (as Keycloak's own sign-in
     * finds it), then the account whose username or whose address's local part is the key. Every lookup of the text's
     * shape runs whatever the earlier ones found, so that the time taken follows the text, not the account.
     */
    public static Optional<UserModel> account(KeycloakSession session, RealmModel realm, String typed) {
        String name = normalized(typed);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        UserProvider users = session.users();
        String key = canonical(realm, name);
        boolean address = !key.equals(name);
        UserModel byAddress = address && realm.isLoginWithEmailAllowed() ? byEmail(users, realm, name) : null;
        UserModel byName = users.getUserByUsername(realm, name);
        UserModel byKey = address ? users.getUserByUsername(realm, key) : null;
        UserModel byLocalPart = addressesAreNames(realm) ? localPartOwner(users, realm, key) : null;
        return Stream.of(byAddress, byName, byKey, byLocalPart).filter(user -> user != null).findFirst();
    }

    static boolean addressesAreNames(RealmModel realm) {
        return realm.isLoginWithEmailAllowed() || realm.isRegistrationEmailAsUsername();
    }

    private static String normalized(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static UserModel byEmail(UserProvider users, RealmModel realm, String address) {
        try {
            return users.getUserByEmail(realm, address);
        } catch (ModelDuplicateException e) {
            return null; // where addresses may repeat, an address names nobody in particular
        }
    }

    /** The one account whose address's local part is {@code localPart}; none when there are several. */
    private static UserModel localPartOwner(UserProvider users, RealmModel realm, String localPart) {
        if (!SEARCHABLE_LOCAL_PART.matcher(localPart).matches()) {
            return null;
        }
        String prefix = localPart + "@";
        List<UserModel> owners = users.searchForUserStream(realm, Map.of(UserModel.SEARCH, prefix), 0,
                        LOCAL_PART_CANDIDATES)
                .filter(user -> user.getEmail() != null)
                .filter(user -> {
                    String email = user.getEmail().toLowerCase(Locale.ROOT);
                    return email.startsWith(prefix) && email.lastIndexOf('@') == localPart.length();
                })
                .toList();
        return owners.size() == 1 ? owners.get(0) : null;
    }
}
