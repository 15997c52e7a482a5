package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;

/**
 * Methods as the database sees them: which credential types and user attributes register each one, grouped by the
 * factor they prove (an SMS and a call to the same phone are one factor, and count once).
 *
 * @param methods what registers each method, by method id, in the policy's order
 * @param factors what each method proves, by method id
 */
record MethodEvidence(Map<String, RegistrationEvidence> methods, Map<String, Factor> factors) {

    MethodEvidence {
        methods = new LinkedHashMap<>(methods);
        factors = new LinkedHashMap<>(factors);
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

    /** The method ids, in the policy's order. */
    List<String> ids() {
        return List.copyOf(methods.keySet());
    }

    /** This one method alone. */
    MethodEvidence only(String methodId) {
        if (!methods.containsKey(methodId)) {
            throw new IllegalArgumentException("not one of these methods: " + methodId);
        }
        return new MethodEvidence(Map.of(methodId, methods.get(methodId)), Map.of(methodId, factors.get(methodId)));
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

    /** The user attributes that register one of the methods. */
    Set<String> attributes() {
        Set<String> names = new LinkedHashSet<>();
        methods.values().stream().filter(RegistrationEvidence::isAttribute).forEach(e -> names.add(e.attribute()));
        return names;
    }

    /** The credential types of each factor proven by credentials, in a fixed order. */
    List<Set<String>> credentialTypesByFactor() {
        Map<Factor, Set<String>> byFactor = new LinkedHashMap<>();
        methods.forEach((id, e) -> {
            if (!e.isAttribute()) {
                byFactor.computeIfAbsent(factors.get(id), f -> new LinkedHashSet<>()).addAll(e.credentialTypes());
            }
        });
        return new ArrayList<>(byFactor.values());
    }

    /** The attributes of each factor proven by an attribute. */
    List<Set<String>> attributesByFactor() {
        Map<Factor, Set<String>> byFactor = new LinkedHashMap<>();
        methods.forEach((id, e) -> {
            if (e.isAttribute()) {
                byFactor.computeIfAbsent(factors.get(id), f -> new LinkedHashSet<>()).add(e.attribute());
            }
        });
        return new ArrayList<>(byFactor.values());
    }

    /** The methods a credential type or attribute registers (a phone registers SMS and call alike). */
    List<String> methodsRegisteredBy(String credentialTypeOrAttribute) {
        return methods.entrySet().stream()
                .filter(e -> e.getValue().isAttribute() ? e.getValue().attribute().equals(credentialTypeOrAttribute)
                        : e.getValue().credentialTypes().contains(credentialTypeOrAttribute))
                .map(Map.Entry::getKey).toList();
    }
}
