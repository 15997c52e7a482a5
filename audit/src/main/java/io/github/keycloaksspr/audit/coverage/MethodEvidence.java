package io.github.keycloaksspr.audit.coverage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;

/**
 * Methods as the database sees them: which credential types and user attributes register each one, and the factor
 * each proves (an SMS and a call to the same phone are one factor, and count once).
 *
 * @param methods what registers each method, by method id, in the pack's order
 * @param factors what each method proves, by method id
 */
record MethodEvidence(Map<String, RegistrationEvidence> methods, Map<String, Factor> factors) {

    MethodEvidence {
        methods = new LinkedHashMap<>(methods);
        factors = new LinkedHashMap<>(factors);
        if (!methods.keySet().equals(factors.keySet())) {
            throw new IllegalArgumentException("every method needs its evidence and its factor");
        }
    }

    static MethodEvidence of(List<SsprMethod> methods) {
        Map<String, RegistrationEvidence> evidence = new LinkedHashMap<>();
        Map<String, Factor> factors = new LinkedHashMap<>();
        methods.forEach(m -> {
            evidence.put(m.id(), m.evidence());
            factors.put(m.id(), m.factor());
        });
        return new MethodEvidence(evidence, factors);
    }

    /** The method ids, in order. */
    List<String> ids() {
        return List.copyOf(methods.keySet());
    }

    Factor factorOf(String methodId) {
        Factor factor = factors.get(methodId);
        if (factor == null) {
            throw new IllegalArgumentException("not one of these methods: " + methodId);
        }
        return factor;
    }

    /** The distinct factors of the given methods (those among them that are here). */
    Set<Factor> factorsOf(List<String> methodIds) {
        Set<Factor> distinct = new LinkedHashSet<>();
        methodIds.stream().filter(factors::containsKey).forEach(id -> distinct.add(factors.get(id)));
        return distinct;
    }

    /** Every credential type that registers one of the methods. */
    Set<String> credentialTypes() {
        Set<String> types = new LinkedHashSet<>();
        methods.values().forEach(e -> types.addAll(e.credentialTypes()));
        return types;
    }

    /** The credential types that are Keycloak's own and count only once vetted. */
    Set<String> vettedTypes() {
        Set<String> types = new LinkedHashSet<>();
        methods.values().stream().filter(RegistrationEvidence::vettedCredentials)
                .forEach(e -> types.addAll(e.credentialTypes()));
        return types;
    }

    /** The credential types that register each factor proven by credentials. */
    Map<Factor, Set<String>> credentialTypesByFactor() {
        Map<Factor, Set<String>> byFactor = new LinkedHashMap<>();
        methods.forEach((id, e) -> {
            if (!e.isAttribute()) {
                byFactor.computeIfAbsent(factors.get(id), f -> new LinkedHashSet<>()).addAll(e.credentialTypes());
            }
        });
        return byFactor;
    }

    /** The user attributes that register each factor proven by an attribute. */
    Map<Factor, Set<String>> attributesByFactor() {
        Map<Factor, Set<String>> byFactor = new LinkedHashMap<>();
        methods.forEach((id, e) -> {
            if (e.isAttribute()) {
                byFactor.computeIfAbsent(factors.get(id), f -> new LinkedHashSet<>()).add(e.attribute());
            }
        });
        return byFactor;
    }
}
