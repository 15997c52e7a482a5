package io.github.keycloaksspr.core.decoy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

/**
 * Whether two spellings lead to one run must not depend on whether the person has an account: the relation between
 * every pair of a person's spellings is the same for an account as for a stranger of the same shape.
 */
class TypedNamesTest {

    /** Accounts of the directory: username, address. */
    private static final List<List<String>> ACCOUNTS = List.of(
            List.of("rita", "rita@corp.example"),
            List.of("jdoe", "john.doe@corp.example"),
            List.of("guest.one", "g.one@gmail.example"));

    @Test
    void anAddressCountsAsItsLocalPartWhereAddressesAreNames() {
        assertThat(TypedNames.canonical(realm(true, false), " JDoe@Corp.Example ")).isEqualTo("jdoe")
                .isEqualTo(TypedNames.canonical(realm(true, false), "jdoe"));
        assertThat(TypedNames.canonical(realm(false, true), "jdoe@corp.example")).isEqualTo("jdoe");
    }

    @Test
    void withoutSignInByEmailAnAddressIsANameOfItsOwn() {
        assertThat(TypedNames.canonical(realm(false, false), "jdoe@corp.example")).isEqualTo("jdoe@corp.example");
        assertThat(TypedNames.account(session(), realm(false, false), "rita@corp.example")).isEmpty();
        assertThat(TypedNames.account(session(), realm(false, false), "RITA")).map(UserModel::getUsername)
                .contains("rita");
    }

    @Test
    void everySpellingOfAnAccountReachesIt() {
        RealmModel realm = realm(true, false);
        for (String spelling : List.of("jdoe", "JDOE", "john.doe@corp.example", "John.Doe@CORP.example", "john.doe",
                "jdoe@corp.example", "jdoe@elsewhere.invalid", "john.doe@elsewhere.invalid")) {
            assertThat(TypedNames.account(session(), realm, spelling)).as(spelling).map(UserModel::getUsername)
                    .contains("jdoe");
        }
    }

    @Test
    void pairsOfSpellingsRelateAlikeForAccountsAndStrangers() {
        for (boolean emailAsUsername : List.of(false, true)) {
            RealmModel realm = realm(true, emailAsUsername);
            assertThat(relation(realm, "rita", "rita@corp.example"))
                    .as("username = local part").isEqualTo(relation(realm, "nina", "nina@corp.example"));
            assertThat(relation(realm, "jdoe", "john.doe@corp.example"))
                    .as("username other than the local part").isEqualTo(relation(realm, "kdoe", "ken.doe@corp.example"));
            assertThat(relation(realm, "guest.one", "g.one@gmail.example"))
                    .as("an address at a domain of nobody else").isEqualTo(relation(realm, "guest.two", "g.two@gmail.example"));
        }
    }

    /**
     * Whether run(a) == run(b) for each pair of spellings of the username, and of the address. (Whether a username
     * and an address are one person's is not asked: for a stranger nobody can know, for an account it is what makes
     * both reach it.)
     */
    private static List<Boolean> relation(RealmModel realm, String username, String address) {
        String local = address.substring(0, address.indexOf('@'));
        List<Boolean> relation = new ArrayList<>(pairs(realm, List.of(username, username.toUpperCase(Locale.ROOT),
                username + "@corp.example", username + "@elsewhere.invalid")));
        relation.addAll(pairs(realm, List.of(address, address.toUpperCase(Locale.ROOT), local,
                local + "@elsewhere.invalid", local + "@other.example")));
        return relation;
    }

    private static List<Boolean> pairs(RealmModel realm, List<String> spellings) {
        List<String> runs = spellings.stream().map(s -> run(realm, s)).toList();
        List<Boolean> relation = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                relation.add(runs.get(i).equals(runs.get(j)));
            }
        }
        return relation;
    }

    /** The run a spelling leads to: the account, or the stand-in of its key. */
    private static String run(RealmModel realm, String typed) {
        return TypedNames.account(session(), realm, typed).map(u -> "account:" + u.getId())
                .orElseGet(() -> "stand-in:" + TypedNames.canonical(realm, typed));
    }

    private static KeycloakSession session() {
        UserProvider users = Proxies.of(UserProvider.class, Map.of(
                "getUserByUsername", args -> find(u -> u.get(0).equals(((String) args[1]).toLowerCase(Locale.ROOT))),
                "getUserByEmail", args -> find(u -> u.get(1).equals(((String) args[1]).toLowerCase(Locale.ROOT))),
                "searchForUserStream", args -> {
                    @SuppressWarnings("unchecked")
                    String prefix = ((Map<String, String>) args[1]).get(UserModel.SEARCH).toLowerCase(Locale.ROOT);
                    return ACCOUNTS.stream().filter(u -> u.get(0).startsWith(prefix) || u.get(1).startsWith(prefix))
                            .map(TypedNamesTest::user);
                }));
        return Proxies.of(KeycloakSession.class, Map.of("users", args -> users));
    }

    private static UserModel find(java.util.function.Predicate<List<String>> match) {
        return ACCOUNTS.stream().filter(match).findFirst().map(TypedNamesTest::user).orElse(null);
    }

    private static UserModel user(List<String> account) {
        return Proxies.of(UserModel.class, Map.of(
                "getId", args -> "id-" + account.get(0),
                "getUsername", args -> account.get(0),
                "getEmail", args -> account.get(1)));
    }

    private static RealmModel realm(boolean loginWithEmail, boolean emailAsUsername) {
        return Proxies.of(RealmModel.class, Map.of(
                "isLoginWithEmailAllowed", args -> loginWithEmail,
                "isRegistrationEmailAsUsername", args -> emailAsUsername));
    }
}
