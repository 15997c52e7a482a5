package io.github.keycloaksspr.core.decoy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Makes up the account a name that cannot reset is shown as (enumeration-safe mode): a {@link StandInUser} with a
 * plausible set of registered methods, at least as many as the policy asks of its users, each with fabricated data.
 * Everything is drawn from the typed name's {@link StandInSeed}: the same name gets the same account on every visit,
 * two names get unrelated ones, and nothing comes from a real user.
 */
public final class StandInAccounts {

    /**
     * How often a stand-in has each factor (by factor id): roughly what registration produces, phones and addresses
     * first, apps and keys less often.
     */
    private static final Map<String, Integer> PERCENT = Map.of(
            "mobile-phone", 80,
            "alternate-email", 70,
            "security-questions", 40,
            "authenticator-app", 35,
            "office-phone", 30,
            "passkey", 20);
    private static final int OTHER_PERCENT = 30;

    /** A method the stand-in may have: what it proves, and how it furnishes a stand-in. */
    public record Offer(String factorId, Consumer<StandIn> furnish) {
    }

    private StandInAccounts() {
    }

    /**
     * The stand-in for {@code typedName}.
     *
     * @param offered the methods the policy enables for ordinary users and the server can run, in policy order
     */
    public static StandInUser forTypedName(KeycloakSession session, RealmModel realm, SsprPolicy policy,
                                           String typedName, List<Offer> offered) {
        StandInSeed seed = StandInSeed.of(realm, typedName);
        StandInUser user = new StandInUser(session, realm,
                "stand-in-" + HexFormat.of().formatHex(seed.forUse("id").bytes(12)), typedName);
        Map<String, List<Offer>> byFactor = new LinkedHashMap<>();
        offered.forEach(offer -> byFactor.computeIfAbsent(offer.factorId(), f -> new ArrayList<>()).add(offer));
        Set<String> chosen = new LinkedHashSet<>();
        byFactor.keySet().stream()
                .filter(factor -> seed.forUse("factor:" + factor).chance(PERCENT.getOrDefault(factor, OTHER_PERCENT)))
                .forEach(chosen::add);
        List<String> others = new ArrayList<>(byFactor.keySet());
        others.removeAll(chosen);
        StandInSeed extra = seed.forUse("extra-factors");
        while (chosen.size() < policy.methodsRequiredFor(false) && !others.isEmpty()) {
            chosen.add(others.remove(extra.below(others.size())));
        }
        StandIn standIn = new StandIn(realm, policy, user, seed);
        byFactor.forEach((factor, offers) -> {
            if (chosen.contains(factor)) {
                offers.forEach(offer -> offer.furnish().accept(standIn));
            }
        });
        return user;
    }
}
