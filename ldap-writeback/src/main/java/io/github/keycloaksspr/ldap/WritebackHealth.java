package io.github.keycloaksspr.ldap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.TestLdapConnectionRepresentation;
import org.keycloak.services.managers.LDAPServerCapabilitiesManager;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.ldap.LDAPStorageProvider;

/**
 * The writeback health report of a realm: per LDAP provider its vendor, edit mode, transport, a test bind with the
 * provider's own connection settings (truststore, stored bind credential, timeout) and its latency, and warnings
 * where SSPR resets cannot reach the directory.
 */
public final class WritebackHealth {

    static final String BIND_FAILED = "bind_failed";
    /** Resets still work, but AD's refusals can only be explained generically. */
    static final String PASSWORD_POLICY_UNREADABLE = "password_policy_unreadable";
    /**
     * The realm has a password policy (banned passwords, say), but Keycloak writes passwords set outside the reset
     * flow (Update password, account console, admin) to this directory without checking it.
     */
    static final String REALM_POLICY_NOT_VALIDATED = "realm_policy_not_validated";
    static final String VALIDATE_PASSWORD_POLICY = "validatePasswordPolicy";
    /**
     * Users may write their own {@code telephoneNumber}: the office phone must then not be a reset method (it is not
     * offered while the realm's user profile lets users edit it, but the directory is another way in).
     */
    static final String OFFICE_PHONE_USER_WRITABLE = "office_phone_user_writable";

    private final KeycloakSession session;
    private final RealmModel realm;

    public WritebackHealth(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Map<String, Object> report() {
        List<Map<String, Object>> providers = new ArrayList<>();
        boolean ready = true;
        for (ComponentModel component : ldapProviders()) {
            Map<String, String> config = new LinkedHashMap<>();
            component.getConfig().forEach((key, values) -> config.put(key, values.isEmpty() ? null : values.get(0)));
            WritebackAssessment assessment = WritebackAssessment.of(config);
            List<String> warnings = new ArrayList<>(assessment.warnings());
            Map<String, Object> bind = testBind(component, config);
            if (!Boolean.TRUE.equals(bind.get("ok"))) {
                warnings.add(BIND_FAILED);
            }
            Map<String, Object> passwordPolicy = null;
            Map<String, Object> officePhone = null;
            if ("ad".equalsIgnoreCase(assessment.vendor()) && Boolean.TRUE.equals(bind.get("ok"))) {
                passwordPolicy = passwordPolicy(component, config);
                if (!Boolean.TRUE.equals(passwordPolicy.get("readable"))) {
                    warnings.add(PASSWORD_POLICY_UNREADABLE);
                }
                officePhone = officePhoneSelfWrite(component, config);
                if (OfficePhoneSelfWrite.Verdict.ALLOWED.id().equals(officePhone.get("userWritable"))) {
                    warnings.add(OFFICE_PHONE_USER_WRITABLE);
                }
            }
            if ("WRITABLE".equals(assessment.editMode()) && !realm.getPasswordPolicy().getPolicies().isEmpty()
                    && !Boolean.parseBoolean(config.get(VALIDATE_PASSWORD_POLICY))) {
                warnings.add(REALM_POLICY_NOT_VALIDATED);
            }
            boolean providerReady = assessment.resetsReachDirectory() && Boolean.TRUE.equals(bind.get("ok"));
            ready &= providerReady;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", component.getId());
            entry.put("name", component.getName());
            entry.put("vendor", assessment.vendor());
            entry.put("editMode", assessment.editMode());
            entry.put("connectionUrl", config.get("connectionUrl"));
            entry.put("encryptedTransport", assessment.encryptedTransport());
            entry.put("bind", bind);
            if (passwordPolicy != null) {
                entry.put("passwordPolicy", passwordPolicy);
            }
            if (officePhone != null) {
                entry.put("officePhone", officePhone);
            }
            entry.put("ready", providerReady);
            entry.put("warnings", warnings);
            providers.add(entry);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("realm", realm.getName());
        report.put("ready", ready);
        report.put("providers", providers);
        return report;
    }

    private List<ComponentModel> ldapProviders() {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> "ldap".equals(c.getProviderId()))
                .toList();
    }

    /**
     * The domain's password rules as the reset explains AD's refusals with them (read with the provider's bind
     * account), and whether AD applies history and minimum age to SSPR resets (the MSAD mapper's policy hints).
     */
    private Map<String, Object> passwordPolicy(ComponentModel component, Map<String, String> config) {
        Map<String, Object> policy = new LinkedHashMap<>();
        try {
            LDAPStorageProvider ldap = new ActiveDirectoryProviders(session).of(component).orElseThrow();
            AdPasswordPolicy rules = new AdPasswordPolicyReader(session, ldap).read(config.get("usersDn"), null);
            policy.put("readable", true);
            policy.put("source", rules.source());
            policy.put("minLength", rules.minimumLength());
            policy.put("complexity", rules.complexity());
            policy.put("historyLength", rules.historyLength());
            policy.put("minAgeHours", rules.minimumAge().toHours());
        } catch (Exception e) {
            policy.put("readable", false);
        }
        policy.put("policyHints", AdPasswordRefusals.policyHintsSent(realm, component.getId()));
        return policy;
    }

    /** Whether users may write their own office phone, as a sample user's access control list says. */
    private Map<String, Object> officePhoneSelfWrite(ComponentModel component, Map<String, String> config) {
        Map<String, Object> officePhone = new LinkedHashMap<>();
        officePhone.put("attribute", OfficePhoneSelfWrite.ATTRIBUTE);
        OfficePhoneSelfWrite.Finding finding = new ActiveDirectoryProviders(session).of(component)
                .map(ldap -> new OfficePhoneSelfWrite(session, ldap).check(config.get("usersDn")))
                .orElse(new OfficePhoneSelfWrite.Finding(OfficePhoneSelfWrite.Verdict.UNKNOWN, null));
        officePhone.put("userWritable", finding.verdict().id());
        officePhone.put("sampleUser", finding.sampleUser());
        return officePhone;
    }

    /** A bind as the provider's bind DN, with its stored credential, through Keycloak's own LDAP test. */
    private Map<String, Object> testBind(ComponentModel component, Map<String, String> config) {
        TestLdapConnectionRepresentation test = new TestLdapConnectionRepresentation();
        test.setAction(LDAPServerCapabilitiesManager.TEST_AUTHENTICATION);
        test.setComponentId(component.getId());
        test.setConnectionUrl(config.get("connectionUrl"));
        test.setAuthType(config.get("authType"));
        test.setBindDn(config.get("bindDn"));
        test.setBindCredential(ComponentRepresentation.SECRET_VALUE);
        test.setUseTruststoreSpi(config.get("useTruststoreSpi"));
        test.setConnectionTimeout(config.get("connectionTimeout"));
        test.setStartTls(config.get("startTls"));
        Map<String, Object> bind = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            LDAPServerCapabilitiesManager.testLDAP(test, session, realm);
            bind.put("ok", true);
        } catch (Exception e) {
            bind.put("ok", false);
            // Keycloak's error code, never the message: it may carry the bind DN or server details.
            bind.put("error", LDAPServerCapabilitiesManager.getErrorCode(e));
        }
        bind.put("latencyMs", Math.round((System.nanoTime() - start) / 100_000.0) / 10.0);
        return bind;
    }
}
