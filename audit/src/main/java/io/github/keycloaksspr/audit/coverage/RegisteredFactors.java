package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * Every user of a realm beside the factors they have registered, one row each, for coverage queries to count: the
 * realm's credentials are grouped per user in one pass into a 0/1 column per factor, and each attribute-registered
 * factor (the office phone) is one more join. Everything is a hash join the database runs once per statement; no
 * correlated subquery runs per user.
 *
 * <p>Keycloak's own credentials (authenticator app, passkeys) count only when vetted, as in the reset (see
 * {@link KeycloakCredentialVetting}): created before the pack first saw the user, set up on the security-info page,
 * or the pack never saw the user. The first-sight time is epoch ms kept as text: compared as text of equal length,
 * which orders digits as numbers and never fails on a value someone edited.
 */
final class RegisteredFactors {

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

    /** {@code from UserEntity u} with the factor joins, then {@code more} joins, and every parameter they need. */
    Hql from(Hql more) {
        StringBuilder from = new StringBuilder("from UserEntity u");
        Hql parameters = Hql.of("", "realm", realmId);
        if (!byCredentials.isEmpty()) {
            Hql credentials = credentialFlags();
            from.append(" left join (").append(credentials.text()).append(") f on f.uid = u.id");
            parameters = parameters.withParametersOf(credentials);
        }
        Map<Factor, Set<String>> attributes = methods.attributesByFactor();
        for (int i = 0; i < byAttributes.size(); i++) {
            String names = "attributes" + i;
            from.append(" left join (select distinct a.user.id as uid from UserAttributeEntity a")
                    .append(" where a.user.realmId = :realm and a.name in (:").append(names)
                    .append(") and length(a.value) > 0) a").append(i).append(" on a").append(i).append(".uid = u.id");
            parameters = parameters.with(names, List.copyOf(attributes.get(byAttributes.get(i))));
        }
        from.append(more.text());
        return new Hql(from.toString(), parameters.parameters()).withParametersOf(more);
    }

    /** 1 when the user {@code u} has registered the factor, else 0. */
    String flag(Factor factor) {
        if (byCredentials.containsKey(factor)) {
            return "coalesce(f." + column(factor) + ", 0)";
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

    private Hql credentialFlags() {
        StringBuilder select = new StringBuilder("select c.user.id as uid");
        Hql parameters = Hql.of("", "realm", realmId);
        int i = 0;
        for (Map.Entry<Factor, Set<String>> factor : byCredentials.entrySet()) {
            String types = "factor" + i++;
            select.append(", max(case when c.type in (:").append(types).append(") then 1 else 0 end) as ")
                    .append(column(factor.getKey()));
            parameters = parameters.with(types, List.copyOf(factor.getValue()));
        }
        select.append(" from CredentialEntity c");
        Set<String> vetted = methods.vettedTypes();
        String created = "str(c.createdDate)";
        if (!vetted.isEmpty()) {
            select.append(" left join UserAttributeEntity vu on vu.user = c.user and vu.name = :vettedUntil")
                    .append(" left join UserAttributeEntity vi on vi.user = c.user and vi.name = :vettedIds")
                    .append(" and vi.value = c.id");
        }
        select.append(" where c.user.realmId = :realm and c.type in (:types)");
        if (!vetted.isEmpty()) {
            select.append(" and (c.type not in (:vetted) or vu.id is null or vi.id is not null")
                    .append(" or length(").append(created).append(") < length(vu.value)")
                    .append(" or (length(").append(created).append(") = length(vu.value) and ").append(created)
                    .append(" <= vu.value))");
            parameters = parameters.with("vetted", List.copyOf(vetted))
                    .with("vettedUntil", KeycloakCredentialVetting.VETTED_UNTIL_ATTRIBUTE)
                    .with("vettedIds", KeycloakCredentialVetting.VETTED_IDS_ATTRIBUTE);
        }
        select.append(" group by c.user.id");
        return new Hql(select.toString(), parameters.parameters())
                .with("types", List.copyOf(methods.credentialTypes()));
    }

    private static String column(Factor factor) {
        return factor.name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
