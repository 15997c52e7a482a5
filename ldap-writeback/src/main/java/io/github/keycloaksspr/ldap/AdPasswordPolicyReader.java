package io.github.keycloaksspr.ldap;

import java.util.List;
import java.util.Locale;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.keycloak.models.KeycloakSession;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;
import org.keycloak.storage.ldap.idm.store.ldap.LDAPOperationManager;

/**
 * Reads the password rules that apply to a user: the fine-grained password settings object AD names in the user's
 * {@code msDS-ResultantPSO}, or else the domain's own policy (the attributes on the domain's root object). Uses the
 * LDAP provider's configuration (connection, bind, truststore).
 */
final class AdPasswordPolicyReader {

    static final String RESULTANT_PSO = "msDS-ResultantPSO";
    private static final List<String> DOMAIN_ATTRIBUTES = List.of("minPwdLength", "pwdProperties",
            "pwdHistoryLength", "minPwdAge");
    private static final List<String> PSO_ATTRIBUTES = List.of("msDS-MinimumPasswordLength",
            "msDS-PasswordComplexityEnabled", "msDS-PasswordHistoryLength", "msDS-MinimumPasswordAge");
    /** DOMAIN_PASSWORD_COMPLEX in {@code pwdProperties}. */
    private static final int DOMAIN_PASSWORD_COMPLEX = 0x1;

    private final LDAPOperationManager operations;

    AdPasswordPolicyReader(KeycloakSession session, LDAPStorageProvider ldap) {
        this.operations = new LDAPOperationManager(session, ldap.getLdapIdentityStore().getConfig());
    }

    /**
     * @param userDn      the user's entry
     * @param resultantPso the user's {@code msDS-ResultantPSO}, or null
     * @throws NamingException when the directory cannot be read, or the user's PSO is not readable (then the domain's
     *                         rules would explain the wrong policy)
     */
    AdPasswordPolicy read(String userDn, String resultantPso) throws NamingException {
        if (resultantPso != null && !resultantPso.isBlank()) {
            Attributes pso = attributesOf(resultantPso, PSO_ATTRIBUTES);
            if (pso == null) {
                // AD hides objects the bind account may not read: the domain's rules are not the user's.
                throw new NamingException("the user's password settings object is not readable");
            }
            return new AdPasswordPolicy((int) number(pso, "msDS-MinimumPasswordLength"),
                    "TRUE".equalsIgnoreCase(text(pso, "msDS-PasswordComplexityEnabled")),
                    (int) number(pso, "msDS-PasswordHistoryLength"),
                    AdValues.interval(text(pso, "msDS-MinimumPasswordAge")), resultantPso);
        }
        String domain = domainOf(userDn);
        Attributes policy = attributesOf(domain, DOMAIN_ATTRIBUTES);
        if (policy == null) {
            throw new NamingException("domain object not readable");
        }
        return new AdPasswordPolicy((int) number(policy, "minPwdLength"),
                (number(policy, "pwdProperties") & DOMAIN_PASSWORD_COMPLEX) != 0,
                (int) number(policy, "pwdHistoryLength"), AdValues.interval(text(policy, "minPwdAge")),
                domain);
    }

    /** The domain naming context of an entry: its trailing {@code DC=} components. */
    static String domainOf(String dn) throws NamingException {
        List<Rdn> rdns = new LdapName(dn).getRdns();
        int first = 0;
        while (first < rdns.size() && "dc".equalsIgnoreCase(rdns.get(first).getType())) {
            first++;
        }
        if (first == 0) {
            throw new NamingException("no DC components in the user's DN");
        }
        return new LdapName(rdns.subList(0, first)).toString();
    }

    private Attributes attributesOf(String dn, List<String> attributes) throws NamingException {
        List<SearchResult> found = operations.search(new LdapName(dn),
                new LDAPQueryConditionsBuilder().present("objectClass"), attributes, SearchControls.OBJECT_SCOPE);
        return found.isEmpty() ? null : found.get(0).getAttributes();
    }

    private static String text(Attributes attributes, String name) throws NamingException {
        Attribute attribute = attributes.get(name);
        Object value = attribute == null ? null : attribute.get();
        return value == null ? null : value.toString().trim().toUpperCase(Locale.ROOT);
    }

    private static long number(Attributes attributes, String name) throws NamingException {
        return AdValues.number(text(attributes, name));
    }
}
