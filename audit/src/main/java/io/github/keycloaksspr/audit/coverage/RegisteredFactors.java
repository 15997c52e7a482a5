package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.keycloaksspr.core.credential.KeycloakCredentialVetting;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import io.github.keycloaksspr.core.state.LegacyStateSweep;
import io.github.keycloaksspr.core.state.UserStates;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Every user of a realm with the factors they have registered, for coverage queries to count: the users joined with
 * their credentials and grouped back to one row per user, a 0/1 aggregate per factor; each attribute-registered factor
 * (the office phone) is one more join. Joins and one grouping the database runs once per statement (in parallel
 * where it can); no correlated subquery runs per user.
 *
 * <p>Keycloak's own credentials (authenticator app, passkeys) count only when vetted, as in the reset (see
 * {@link KeycloakCredentialVetting}): created before the pack first saw the user, set up on the security-info page,
 * or the pack never saw a local user. The record is the pack's user state ({@code st}, one row per user, always
 * joined: coverage also reads the confirmation from it).
 */
final class RegisteredFactors {


    /**
     * Users a coverage request moves at most (a realm just upgraded is moved in the background; what is left then is
     * a handful written by older nodes).
     */
    static final int COVERAGE_SWEEP = 2_000;

    private final String realmId;
    /** A Keycloak credential {@code c} that counts: see the class comment. */
    private final String vettedCondition;
    private final MethodEvidence methods;
    private final Map<Factor, Set<String>> byCredentials;
    private final List<Factor> byAttributes;

    /**
     * Every method of the pack installed on this server, whether a policy offers it or not. The queries read only the
     * pack's user state: whatever older releases left in user attributes moves first.
     */
    static RegisteredFactors forRealm(KeycloakSession session, RealmModel realm) {
        LegacyStateSweep.sweep(session, realm, COVERAGE_SWEEP);
        return new RegisteredFactors(realm.getId(), UserStates.unseenUsersSeenAtCreation(session), MethodEvidence.of(SsprMethodIds.ALL.stream()
                .map(id -> session.getProvider(SsprMethod.class, id)).filter(Objects::nonNull).toList()));
    }

    RegisteredFactors(String realmId, boolean unseenSeenAtCreation, MethodEvidence methods) {
        this.realmId = realmId;
        this.vettedCondition = "((st.vettedUntil is null and u.federationLink is null"
                + (unseenSeenAtCreation ? " and c.createdDate <= u.createdTimestamp" : "") + ")"
                + " or vi.credentialId is not null or c.createdDate <= st.vettedUntil)";
        this.methods = methods;
        this.byCredentials = methods.credentialTypesByFactor();
        this.byAttributes = new ArrayList<>(methods.attributesByFactor().keySet());
        if (byAttributes.stream().anyMatch(byCredentials::containsKey)) {
            throw new IllegalStateException("a factor is registered either by credentials or by an attribute");
        }
    }

    MethodEvidence methods() {
        return methods;
    }

    String realmId() {
        return realmId;
    }

    /**
     * {@code from UserEntity u} joined with the user's credentials of the methods (and for Keycloak's own, what vets
     * them), one join per attribute-registered factor, then {@code more} joins; with every parameter they need. A
     * statement over it groups by {@link #groupBy} and reads the factors through {@link #flag}.
     */
    Hql from(Hql more) {
        StringBuilder from = new StringBuilder("from UserEntity u left join SsprUserState st on st.userId = u.id");
        Hql parameters = Hql.of("", "realm", realmId);
        if (!byCredentials.isEmpty()) {
            from.append(" left join CredentialEntity c on c.user = u and c.type in (:types)");
            parameters = parameters.with("types", List.copyOf(methods.credentialTypes()));
            if (!methods.vettedTypes().isEmpty()) {
                from.append(" left join SsprVettedCredential vi on vi.credentialId = c.id and vi.userId = u.id");
            }
            int i = 0;
            for (Set<String> types : byCredentials.values()) {
                parameters = parameters.with("factor" + i++, List.copyOf(types));
            }
        }
        Map<Factor, Set<String>> attributes = methods.attributesByFactor();
        for (int i = 0; i < byAttributes.size(); i++) {
            String names = "attributes" + i;
            // By name alone (indexed): the join to the realm's users keeps only theirs.
            from.append(" left join (select distinct a.user.id as uid from UserAttributeEntity a")
                    .append(" where a.name in (:").append(names)
                    .append(") and length(a.value) > 0) a").append(i).append(" on a").append(i).append(".uid = u.id");
            parameters = parameters.with(names, List.copyOf(attributes.get(byAttributes.get(i))));
        }
        from.append(more.text());
        return new Hql(from.toString(), parameters.parameters()).withParametersOf(more);
    }

    /** One row per user: {@code group by} the user and the single-valued {@code keys} of the other joins. */
    String groupBy(List<String> keys) {
        List<String> all = new ArrayList<>(List.of("u.id", "u.username", "st.confirmedAt"));
        for (int i = 0; i < byAttributes.size(); i++) {
            all.add("a" + i + ".uid");
        }
        all.addAll(keys);
        return " group by " + String.join(", ", all);
    }

    /** 1 when the user {@code u} has registered the factor, else 0 (an aggregate over the user's credentials). */
    String flag(Factor factor) {
        List<Factor> credentialFactors = new ArrayList<>(byCredentials.keySet());
        int credential = credentialFactors.indexOf(factor);
        if (credential >= 0) {
            boolean vetted = byCredentials.get(factor).stream().anyMatch(methods.vettedTypes()::contains);
            return "max(case when c.type in (:factor" + credential + ")" + (vetted ? " and " + vettedCondition : "")
                    + " then 1 else 0 end)";
        }
        int attribute = byAttributes.indexOf(factor);
        if (attribute >= 0) {
            return "case when a" + attribute + ".uid is null then 0 else 1 end";
        }
        return "0";
    }

    /** How many of the factors the user {@code u} has registered. */
    String count(Collection<Factor> factors) {
        return factors.isEmpty() ? "0" : factors.stream().map(this::flag).collect(Collectors.joining(" + ", "(", ")"));
    }

    /** Enabled people of the realm: no service accounts, nobody disabled. */
    Hql people() {
        return Hql.of("u.realmId = :realm and u.serviceAccountClientLink is null and u.enabled = true",
                "realm", realmId);
    }
}
