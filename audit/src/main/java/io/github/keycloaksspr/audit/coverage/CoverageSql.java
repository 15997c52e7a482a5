package io.github.keycloaksspr.audit.coverage;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.keycloaksspr.core.credential.KeycloakCredentialVetting;
import io.github.keycloaksspr.core.registration.ConfirmationRecord;

/**
 * The JPQL conditions on a user {@code u} (a {@code UserEntity}) that the reports combine: in scope, capable of a
 * reset, confirmed, registered for one method. Each is a semi-join the database answers from its indexes, so a
 * count over a realm of any size loads no user. Parameters are prefixed so that two policies (today's and a
 * proposal) can meet in one statement.
 *
 * <p>Where SQL cannot follow the reset exactly, the count errs the same way each time: a phone number or office
 * number counts when present (the reset also checks its format), a question set counts when registered (the reset
 * also asks that it has enough questions), and an office number that is also the mobile number counts as a factor
 * of its own.
 */
final class CoverageSql {

    private final CoverageRule rule;
    private final String prefix;

    CoverageSql(CoverageRule rule, String prefix) {
        this.rule = rule;
        this.prefix = prefix;
    }

    /** Enabled people of the realm (no service accounts) whom the policy covers. */
    Hql inScope() {
        Hql people = Hql.of("u.realmId = :realm and u.serviceAccountClientLink is null and u.enabled = true",
                "realm", rule.realmId());
        return switch (rule.scope()) {
            case NONE -> Hql.FALSE;
            case ALL -> people;
            case GROUP -> rule.scopeGroupIds().isEmpty() ? Hql.FALSE : people.and(Hql.of(
                    "u.id in (select m.user.id from UserGroupMembershipEntity m where m.groupId in (:" + name("groups")
                            + "))", name("groups"), rule.scopeGroupIds()));
        };
    }

    /** In scope and registered for enough distinct methods to reset; administrators by their stricter rule. */
    Hql capable() {
        Hql users = enough(rule.userMethods(), rule.usersRequired(), "u");
        if (rule.administratorIds().isEmpty()) {
            return inScope().and(users);
        }
        Hql admins = enough(rule.adminMethods(), rule.adminsRequired(), "a");
        String ids = name("admins");
        Hql notAdmin = Hql.of("u.id not in (:" + ids + ")", ids, rule.administratorIds());
        Hql admin = Hql.of("u.id in (:" + ids + ")", ids, rule.administratorIds());
        return inScope().and(notAdmin.and(users).or(admin.and(admins)));
    }

    /**
     * Confirmed their security info within the registration action's reconfirm period (ever, when confirmations do
     * not expire). The stored value is epoch seconds: compared as text of equal length, which orders digits as numbers
     * and never fails on a value someone edited.
     */
    Hql confirmed(long nowSeconds) {
        String registered = "select a.user.id from UserAttributeEntity a where a.user.realmId = :realm and a.name = :"
                + "confirmedAt";
        Hql condition = Hql.of("u.id in (" + registered + ")", "confirmedAt", ConfirmationRecord.CONFIRMED_AT_ATTRIBUTE)
                .with("realm", rule.realmId());
        if (rule.reconfirmDays() == 0) {
            return condition;
        }
        String since = Long.toString(nowSeconds - rule.reconfirmDays() * 86_400L);
        return Hql.of("u.id in (" + registered + " and " + notBefore("a.value", since.length(), name("since")) + ")",
                        name("since"), since)
                .with("confirmedAt", ConfirmationRecord.CONFIRMED_AT_ATTRIBUTE).with("realm", rule.realmId());
    }

    /** Registered for the method (one of the policy's methods for ordinary users). */
    Hql registered(String methodId) {
        MethodEvidence one = rule.userMethods().only(methodId);
        String tag = "m" + rule.userMethods().ids().indexOf(methodId);
        if (!one.attributes().isEmpty()) {
            return attributeHolders(one.attributes(), tag);
        }
        return credentialHolders(one, tag, "");
    }

    /**
     * Whether a user has at least {@code required} distinct factors among {@code methods}: credentials counted per
     * factor in one grouped pass; an attribute-registered factor (the office phone) adds one.
     */
    private Hql enough(MethodEvidence methods, int required, String tag) {
        List<Set<String>> attributeFactors = methods.attributesByFactor();
        if (attributeFactors.size() > 1) {
            throw new IllegalStateException("reports count at most one factor registered by an attribute");
        }
        Hql byCredentials = credentialFactors(methods, required, tag);
        if (attributeFactors.isEmpty()) {
            return byCredentials;
        }
        return byCredentials.or(attributeHolders(attributeFactors.get(0), tag)
                .and(credentialFactors(methods, required - 1, tag)));
    }

    private Hql credentialFactors(MethodEvidence methods, int required, String tag) {
        if (required <= 0) {
            return Hql.TRUE;
        }
        List<Set<String>> factors = methods.credentialTypesByFactor();
        if (factors.isEmpty()) {
            return Hql.FALSE;
        }
        StringBuilder factorOf = new StringBuilder("case");
        Hql bound = Hql.TRUE;
        for (int i = 0; i < factors.size(); i++) {
            String types = name(tag + "f" + i);
            factorOf.append(" when c.type in (:").append(types).append(") then ").append(i);
            bound = bound.with(types, List.copyOf(factors.get(i)));
        }
        factorOf.append(" end");
        return credentialHolders(methods, tag, " group by c.user.id having count(distinct " + factorOf + ") >= "
                + required).withParametersOf(bound);
    }

    /** Users holding a credential of the methods' types (Keycloak's own only when vetted), then {@code tail}. */
    private Hql credentialHolders(MethodEvidence methods, String tag, String tail) {
        String types = name(tag + "types");
        Hql vetting = vetting(methods, tag);
        return Hql.of("u.id in (select c.user.id from CredentialEntity c where c.user.realmId = :realm"
                        + " and c.type in (:" + types + ")" + vetting.text() + tail + ")",
                types, List.copyOf(methods.credentialTypes())).with("realm", rule.realmId()).withParametersOf(vetting);
    }

    /**
     * Keycloak's own credentials count only when vetted (see {@link KeycloakCredentialVetting}): created before the
     * pack first saw the user, or set up on the security-info page, or the pack never saw the user at all.
     */
    Hql vetting(MethodEvidence methods, String tag) {
        Set<String> vetted = methods.vettedTypes();
        if (vetted.isEmpty()) {
            return Hql.of("");
        }
        String types = name(tag + "vetted");
        String created = "str(c.createdDate)";
        return new Hql(" and (c.type not in (:" + types + ")"
                + " or c.user.id not in (select v.user.id from UserAttributeEntity v where v.user.realmId = :realm"
                + " and v.name = :vettedUntil)"
                + " or exists (select v.id from UserAttributeEntity v where v.user = c.user and v.name = :vettedUntil"
                + " and (length(" + created + ") < length(v.value) or (length(" + created + ") = length(v.value)"
                + " and " + created + " <= v.value)))"
                + " or exists (select v.id from UserAttributeEntity v where v.user = c.user and v.name = :vettedIds"
                + " and v.value = c.id))",
                Map.of(types, List.copyOf(vetted), "realm", rule.realmId(),
                        "vettedUntil", KeycloakCredentialVetting.VETTED_UNTIL_ATTRIBUTE,
                        "vettedIds", KeycloakCredentialVetting.VETTED_IDS_ATTRIBUTE));
    }

    private Hql attributeHolders(Set<String> attributes, String tag) {
        String names = name(tag + "attrs");
        return Hql.of("u.id in (select a.user.id from UserAttributeEntity a where a.user.realmId = :realm"
                + " and a.name in (:" + names + ") and length(a.value) > 0)", names, List.copyOf(attributes))
                .with("realm", rule.realmId());
    }

    /** {@code column} holds a number of {@code length} digits or more that is at least the parameter's. */
    private static String notBefore(String column, int length, String parameter) {
        return "(length(" + column + ") > " + length + " or (length(" + column + ") = " + length + " and " + column
                + " >= :" + parameter + "))";
    }

    private String name(String local) {
        return prefix + local;
    }
}
