package io.github.keycloaksspr.helpdesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.audience.Ineligibility;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.audience.ResetEligibility;
import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * What the agent sees of a caller's account: its methods masked exactly as the reset shows them (never a number, an
 * address, a label or an answer), whether Keycloak locked it, whether it is blocked from self-service reset, and
 * whether it could reset by itself (or why not).
 */
record UserCard(String id, String username, boolean administrator, List<Map<String, String>> methods,
                List<Map<String, String>> credentials, boolean locked, boolean blockedFromSspr,
                boolean registrationRequired, String resetEligibility) {

    static UserCard of(KeycloakSession session, RealmModel realm, SsprPolicy policy, UserModel user) {
        MethodContext context = new MethodContext(session, realm, null, policy, null,
                session.getContext().resolveLocale(user));
        boolean administrator = HelpDeskRole.privileged(session, realm, policy, user);
        List<Map<String, String>> methods = MethodCatalogue.of().usableFor(context, user, administrator).stream()
                .map(m -> Map.of("id", m.id(), "labelKey", MethodPages.labelKey(m.id()),
                        "hint", m.maskedHint(context, user)))
                .toList();
        BruteForceProtector bruteForce = session.getProvider(BruteForceProtector.class);
        boolean locked = !user.isEnabled()
                || bruteForce != null && bruteForce.isTemporarilyDisabled(session, realm, user);
        boolean blocked = AttemptLedger.of(session, realm, policy.attempts()).isBlocked(LedgerSubject.account(user.getId()));
        Optional<Ineligibility> refusal = new ResetAudience(session, realm, policy).guestHomeProvider(user).isPresent()
                ? Optional.of(Ineligibility.GUEST_ACCOUNT) : ResetEligibility.refusal(context, user, MethodCatalogue.of());
        boolean registrationRequired = refusal.filter(r -> r == Ineligibility.NOT_REGISTERED).isPresent()
                || user.getRequiredActionsStream().anyMatch(RegistrationEvents.ACTION_ID::equals);
        return new UserCard(user.getId(), user.getUsername(), administrator, methods, removable(user), locked, blocked,
                registrationRequired, refusal.map(Ineligibility::reason).orElse("eligible"));
    }

    /**
     * The credentials an agent may remove for a caller who lost them: id, type and, for a phone or an address, the
     * masked value (never a label, which the user wrote).
     */
    private static List<Map<String, String>> removable(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream()
                .filter(c -> AgentActions.REMOVABLE.contains(c.getType()))
                .map(c -> Map.of("id", c.getId(), "type", c.getType(), "hint", hint(c)))
                .toList();
    }

    private static String hint(CredentialModel credential) {
        try {
            return switch (credential.getType()) {
                case SsprCredentialTypes.MOBILE_PHONE ->
                        Masking.phone(MobilePhoneCredentialModel.createFromCredentialModel(credential).number());
                case SsprCredentialTypes.ALTERNATE_EMAIL ->
                        Masking.email(AlternateEmailCredentialModel.createFromCredentialModel(credential).email());
                default -> "";
            };
        } catch (RuntimeException unreadable) {
            return ""; // a broken entry can still be removed
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("username", username);
        json.put("administrator", administrator);
        json.put("methods", methods);
        json.put("credentials", credentials);
        json.put("locked", locked);
        json.put("blockedFromSspr", blockedFromSspr);
        json.put("registrationRequired", registrationRequired);
        json.put("resetEligibility", resetEligibility);
        return json;
    }
}
