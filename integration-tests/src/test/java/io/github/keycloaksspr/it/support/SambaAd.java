package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;

/**
 * The real Samba AD DC that {@code scripts/samba-ad.sh} runs on loopback for the integration tests. Talks LDAPS only,
 * as Keycloak must: AD refuses password writes and simple binds on plain LDAP.
 */
public final class SambaAd {

    private static final String HOST = "localhost";
    private static final int LDAPS_PORT = 636;

    private final AdEnvironment environment;

    private SambaAd(AdEnvironment environment) {
        this.environment = environment;
    }

    public static SambaAd connect() {
        return new SambaAd(environment());
    }

    /** What the script reports about the running domain; the script is the single source of these values. */
    public static AdEnvironment environment() {
        return EnvironmentHolder.ENVIRONMENT;
    }

    public String userDn(String samAccountName) {
        return "CN=" + samAccountName + "," + environment.usersDn();
    }

    /** Creates an enabled AD account the way an AD admin would: disabled first, password set, then enabled. */
    public void createUser(String samAccountName, String password, String firstName, String lastName, String mail) {
        createUser(userDn(samAccountName), samAccountName, password, firstName, lastName, mail);
    }

    /** As {@link #createUser(String, String, String, String, String)}, at {@code dn}. */
    public void createUser(String dn, String samAccountName, String password, String firstName, String lastName,
                           String mail) {
        try (LDAPConnection admin = adminConnection()) {
            admin.add(dn,
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("cn", samAccountName),
                    new Attribute("sAMAccountName", samAccountName),
                    new Attribute("userPrincipalName", samAccountName + "@example.test"),
                    new Attribute("givenName", firstName),
                    new Attribute("sn", lastName),
                    new Attribute("mail", mail),
                    new Attribute("userAccountControl", "544"));
            admin.modify(dn, new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(password)));
            admin.modify(dn, new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot create AD user " + samAccountName + ": " + e.getResultCode(), e);
        }
    }

    /** An organizational unit under the domain root, as "New > Organizational Unit" creates it; returns its DN. */
    public String createOrganizationalUnit(String name) {
        String dn = "OU=" + name + "," + baseDn();
        try (LDAPConnection admin = adminConnection()) {
            admin.add(dn, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", name));
            return dn;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot create OU " + name + ": " + e.getResultCode(), e);
        }
    }

    /**
     * The user, bound with their own password, replaces one of their own attributes: what AD lets a user do to their
     * own entry. False when AD refuses it for lack of rights.
     */
    public boolean userWritesOwnAttribute(String dn, String password, String attribute, String value) {
        try (LDAPConnection own = new LDAPConnection(sslUtil().createSSLSocketFactory(), HOST, LDAPS_PORT, dn,
                password)) {
            own.modify(dn, new Modification(ModificationType.REPLACE, attribute, value));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                return false;
            }
            throw new IllegalStateException("unexpected LDAP answer " + e.getResultCode(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an access control entry (SDDL) to an object, as an AD admin does with dsacls. */
    public void addAccessControlEntry(String dn, String sddlEntry) {
        String script = System.getProperty("sspr.adScript", "../scripts/samba-ad.sh");
        try {
            Process process = new ProcessBuilder("bash", script, "dsacl", dn, sddlEntry).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("dsacl failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String baseDn() {
        return environment.usersDn().substring(environment.usersDn().indexOf(",DC=") + 1);
    }

    /** Replaces one attribute of the user's entry as the domain administrator. */
    public void setAttribute(String samAccountName, String attribute, String value) {
        try (LDAPConnection admin = adminConnection()) {
            admin.modify(userDn(samAccountName), new Modification(ModificationType.REPLACE, attribute, value));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot set " + attribute + " of " + samAccountName + ": "
                    + e.getResultCode(), e);
        }
    }

    /**
     * A fine-grained password policy (PSO) for one user, as "New Password Settings" in Active Directory Administrative
     * Center creates it: here only the minimum length differs from the domain's. Returns its DN for removal.
     */
    public String createPasswordSettings(String name, int minimumLength, String appliesToSamAccountName) {
        String dn = "CN=" + name + ",CN=Password Settings Container,CN=System,"
                + environment.usersDn().substring(environment.usersDn().indexOf(",DC=") + 1);
        try (LDAPConnection admin = adminConnection()) {
            admin.add(dn,
                    new Attribute("objectClass", "top", "msDS-PasswordSettings"),
                    new Attribute("msDS-PasswordSettingsPrecedence", "1"),
                    new Attribute("msDS-PasswordReversibleEncryptionEnabled", "FALSE"),
                    new Attribute("msDS-PasswordHistoryLength", "0"),
                    new Attribute("msDS-PasswordComplexityEnabled", "TRUE"),
                    new Attribute("msDS-MinimumPasswordLength", Integer.toString(minimumLength)),
                    new Attribute("msDS-MinimumPasswordAge", "0"),
                    new Attribute("msDS-MaximumPasswordAge", "-36288000000000"),
                    new Attribute("msDS-LockoutThreshold", "0"),
                    new Attribute("msDS-LockoutObservationWindow", "-18000000000"),
                    new Attribute("msDS-LockoutDuration", "-18000000000"),
                    new Attribute("msDS-PSOAppliesTo", userDn(appliesToSamAccountName)));
            return dn;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot create PSO " + name + ": " + e.getResultCode() + " "
                    + e.getDiagnosticMessage(), e);
        }
    }

    public void deleteEntryIfPresent(String dn) {
        try (LDAPConnection admin = adminConnection()) {
            admin.delete(dn);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw new IllegalStateException("cannot delete " + dn, e);
            }
        }
    }

    /** What "Disable Account" in Active Directory Users and Computers does: ACCOUNTDISABLE in userAccountControl. */
    public void disableUser(String samAccountName) {
        try (LDAPConnection admin = adminConnection()) {
            admin.modify(userDn(samAccountName), new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot disable AD user " + samAccountName + ": " + e.getResultCode(), e);
        }
    }

    public void deleteUserIfPresent(String samAccountName) {
        try (LDAPConnection admin = adminConnection()) {
            admin.delete(userDn(samAccountName));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw new IllegalStateException("cannot delete AD user " + samAccountName, e);
            }
        }
    }

    public boolean userExists(String samAccountName) {
        try (LDAPConnection admin = adminConnection()) {
            return admin.search(environment.usersDn(), SearchScope.ONE, "(sAMAccountName=" + samAccountName + ")")
                    .getEntryCount() == 1;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot search AD", e);
        }
    }

    /** An AD outage: the domain controller stops (its data stays as it is). */
    public void stop() {
        runScript("stop");
    }

    /** The end of an outage: the same domain, as it was when stopped, serves again. */
    public void resume() {
        runScript("resume");
    }

    private static void runScript(String command) {
        String script = System.getProperty("sspr.adScript", "../scripts/samba-ad.sh");
        try {
            Process process = new ProcessBuilder("bash", script, command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One attribute of the user's entry as the domain administrator reads it, or null. */
    public String attribute(String samAccountName, String attribute) {
        try (LDAPConnection admin = adminConnection()) {
            SearchResultEntry entry = admin.searchForEntry(environment.usersDn(), SearchScope.ONE,
                    "(sAMAccountName=" + samAccountName + ")", attribute);
            return entry == null ? null : entry.getAttributeValue(attribute);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read AD", e);
        }
    }

    /** An LDAPS simple bind as the user: what any AD-joined application does to check a password. */
    public boolean passwordWorks(String samAccountName, String password) {
        try (LDAPConnection connection = new LDAPConnection(sslUtil().createSSLSocketFactory(), HOST, LDAPS_PORT)) {
            connection.bind(userDn(samAccountName), password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new IllegalStateException("unexpected LDAP answer " + e.getResultCode(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private LDAPConnection adminConnection() throws LDAPException {
        try {
            return new LDAPConnection(sslUtil().createSSLSocketFactory(), HOST, LDAPS_PORT,
                    environment.bindDn(), environment.bindPassword());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SSLUtil sslUtil() {
        return new SSLUtil(new TrustStoreTrustManager(environment.truststore().toFile(),
                environment.truststorePassword().toCharArray(), "PKCS12", true));
    }

    private static byte[] unicodePwd(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    /** Connection facts of the test domain. */
    public record AdEnvironment(String url, String usersDn, String bindDn, String bindPassword, Path caPem,
                                Path truststore, String truststorePassword) {

        static AdEnvironment fromScript(String script) {
            Map<String, String> values = runEnv(script);
            return new AdEnvironment(values.get("SSPR_AD_URL"), values.get("SSPR_AD_USERS_DN"),
                    values.get("SSPR_AD_BIND_DN"), values.get("SSPR_AD_BIND_PASSWORD"),
                    Path.of(values.get("SSPR_AD_CA_PEM")), Path.of(values.get("SSPR_AD_TRUSTSTORE")),
                    values.get("SSPR_AD_TRUSTSTORE_PASSWORD"));
        }

        private static Map<String, String> runEnv(String script) {
            try {
                Process process = new ProcessBuilder("bash", script, "env").redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException(script + " env failed: " + output);
                }
                Map<String, String> values = new HashMap<>();
                for (String line : output.split("\n")) {
                    int equals = line.indexOf('=');
                    if (line.startsWith("SSPR_AD_") && equals > 0) {
                        values.put(line.substring(0, equals), unquote(line.substring(equals + 1).trim()));
                    }
                }
                return values;
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + script, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String unquote(String value) {
            if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                    || value.startsWith("\"") && value.endsWith("\""))) {
                return value.substring(1, value.length() - 1);
            }
            return value;
        }
    }

    private static final class EnvironmentHolder {
        private static final AdEnvironment ENVIRONMENT = AdEnvironment.fromScript(
                System.getProperty("sspr.adScript", "../scripts/samba-ad.sh"));
    }
}
