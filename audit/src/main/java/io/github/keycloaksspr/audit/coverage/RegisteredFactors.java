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
import org.keycloak.models.KeycloakSession;

/**
 * Every user of a realm with the factors they have registered, for coverage queries to count: the users joined with
 * their credentials and grouped back to one row per user, a 0/1 aggregate per factor; each attribute-registered factor
 * (the office phone) is one more join. Joins and one grouping the database runs once per statement (in parallel
 * where it can); no correlated subquery runs per user.
 *
 * <p>Keycloak's own credentials (authenticator app, passkeys) count only when vetted, as in the reset (see
 * {@link KeycloakCredentialVetting}): created before the pack first saw the user, set up on the security-info page,
 * or the pack never saw the user. The first-sight time is epoch ms kept as text: compared as text of equal length,
 * which orders digits as numbers and never fails on a value someone edited.
 */
final class RegisteredFactors {

    /** A Keycloak credential {@code c} that counts: see the class comment. */
    private static final String VETTED = "(vu.id is null or vi.id is not null"
            + " or length(str(c.createdDate)) < length(vu.value)"
            + " or (length(str(c.createdDate)) = length(vu.value) and str(c.createdDate) <= vu.value))";

    private final String realmId;
    private final MethodEvidence methods;
    private final Map<Factor, Set<String>> byCredentials;
    private final List<Factor> byAttributes;

    /** Every method of the pack installed on this server, whether a policy offers it or not. */
    static RegisteredFactors forRealm(KeycloakSession session, String realmId) {
        return new RegisteredFactors(realmId, MethodEvidence.of(SsprMethodIds.ALL.stream()
                .map(id -> session.getProvider(SsprMethod.class, id)).filter(Objects::nonNull).toList()));
    }

    RegisteredFactors(String realmId, MethodEvidence methods) {
        this.realmId = realmId;
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
        StringBuilder from = new StringBuilder("from UserEntity u");
        Hql parameters = Hql.of("", "realm", realmId);
        if (!byCredentials.isEmpty()) {
            from.append(" left join CredentialEntity c on c.user = u and c.type in (:types)");
            parameters = parameters.with("types", List.copyOf(methods.credentialTypes()));
            if (!methods.vettedTypes().isEmpty()) {
                from.append(" left join UserAttributeEntity vu on vu.user = u and vu.name = :vettedUntil")
                        .append(" left join UserAttributeEntity vi on vi.user = u and vi.name = :vettedIds")
                        .append(" and vi.value = c.id");
                parameters = parameters.with("vettedUntil", KeycloakCredentialVetting.VETTED_UNTIL_ATTRIBUTE)
                        .with("vettedIds", KeycloakCredentialVetting.VETTED_IDS_ATTRIBUTE);
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
        List<String> all = new ArrayList<>(List.of("u.id", "u.username"));
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
            return "max(case when c.type in (:factor" + credential + ")" + (vetted ? " and " + VETTED : "")
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
