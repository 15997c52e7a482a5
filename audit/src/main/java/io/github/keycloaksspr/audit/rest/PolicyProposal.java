package io.github.keycloaksspr.audit.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.policy.SsprPolicyKeys;
import io.github.keycloaksspr.core.policy.SsprScope;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponse;

/**
 * A reset policy an administrator considers, as the impact preview's query gives it: the settings it names replace
 * today's, and the result must be a policy the reset could run (the same checks as saving it), or the request is
 * refused with the setting named and nothing else happens.
 */
record PolicyProposal(String methods, String required, String scope, String group) {

    SsprPolicy apply(KeycloakSession session, RealmModel realm) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (methods != null) {
            changes.put(SsprPolicyKeys.METHODS, String.join(SsprPolicyKeys.LIST_SEPARATOR,
                    Arrays.stream(methods.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList()));
        }
        if (required != null) {
            changes.put(SsprPolicyKeys.METHODS_REQUIRED, required.trim());
        }
        if (scope != null) {
            changes.put(SsprPolicyKeys.SCOPE, scope.trim());
        }
        if (group != null) {
            changes.put(SsprPolicyKeys.SCOPE_GROUP, group.trim());
        }
        SsprPolicy proposal;
        try {
            proposal = ResetPolicyResolver.proposalForRealm(realm, changes);
        } catch (InvalidPolicyException e) {
            throw ErrorResponse.error("the proposed policy is not usable: " + e.getMessage(),
                    Response.Status.BAD_REQUEST);
        }
        if (proposal.scope() == SsprScope.GROUP
                && KeycloakModelUtils.findGroupByPath(session, realm, proposal.scopeGroup()) == null) {
            throw ErrorResponse.error("the proposed scope group '" + proposal.scopeGroup() + "' does not exist",
                    Response.Status.BAD_REQUEST);
        }
        return proposal;
    }
}
