package io.github.keycloaksspr.ldap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.LdapContext;

import net.tirasa.adsddl.ntsd.ACE;
import net.tirasa.adsddl.ntsd.SDDL;
import net.tirasa.adsddl.ntsd.controls.SDFlagsControl;
import net.tirasa.adsddl.ntsd.data.AceFlag;
import net.tirasa.adsddl.ntsd.data.AceRights;
import net.tirasa.adsddl.ntsd.data.AceType;
import net.tirasa.adsddl.ntsd.utils.GUID;
import org.keycloak.models.KeycloakSession;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.store.ldap.LDAPContextManager;

/**
 * Whether an AD user may write their own {@code telephoneNumber} (the office phone the reset calls), as the directory
 * tells it: the access control list of a sample user under the provider's users DN (the first enabled person who is
 * no protected administrator), read with the provider's bind
 * account (the DACL alone, as AD hands it to a reader without the SACL privilege). By default AD grants SELF write on
 * the Personal-Information property set, which holds the attribute: then whoever has the password can point the
 * office-phone call at their own phone.
 *
 * <p>The list is evaluated the way AD does for the property, in its (canonical) order, for the trustees every user
 * is: SELF, Everyone, Authenticated Users; the first entry that grants or denies writing the attribute, its property
 * set or all properties decides. Rights granted to the user's groups or to the user's own SID are not evaluated.
 */
final class OfficePhoneSelfWrite {

    static final String ATTRIBUTE = "telephoneNumber";

    /** The verdict and the account it was read from. */
    record Finding(Verdict verdict, String sampleUser) {
    }

    enum Verdict {
        /** The sample user may write the attribute. */
        ALLOWED,
        /** Denied to a trustee every user is. */
        DENIED,
        /** Neither granted nor denied to a trustee every user is (a grant to a group would not be seen). */
        NOT_GRANTED,
        /** No user, or the directory would not hand out the security descriptor or the schema entry. */
        UNKNOWN;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String SELF = "S-1-5-10";
    private static final Set<String> EVERY_USER = Set.of(SELF, "S-1-1-0", "S-1-5-11");
    private static final int DACL_SECURITY_INFORMATION = 0x4;
    /** Enabled people without administrator protection (whose access lists AD resets from AdminSDHolder). */
    private static final String PEOPLE = "(&(objectCategory=person)(objectClass=user)(!(adminCount=1))"
            + "(!(userAccountControl:1.2.840.113556.1.4.803:=2)))";
    private static final String BINARY_ATTRIBUTES = "java.naming.ldap.attributes.binary";

    private final KeycloakSession session;
    private final LDAPStorageProvider ldap;

    OfficePhoneSelfWrite(KeycloakSession session, LDAPStorageProvider ldap) {
        this.session = session;
        this.ldap = ldap;
    }

    Finding check(String usersDn) {
        try (LDAPContextManager manager = LDAPContextManager.create(session, ldap.getLdapIdentityStore().getConfig())) {
            LdapContext context = manager.getLdapContext();
            context.addToEnvironment(BINARY_ATTRIBUTES, "nTSecurityDescriptor schemaIDGUID attributeSecurityGUID");
            Optional<List<String>> guids = schemaGuids(context);
            if (guids.isEmpty()) {
                return new Finding(Verdict.UNKNOWN, null);
            }
            context.setRequestControls(new Control[] {new SDFlagsControl(DACL_SECURITY_INFORMATION)});
            SearchControls oneUser = new SearchControls(SearchControls.SUBTREE_SCOPE, 1, 0,
                    new String[] {"nTSecurityDescriptor", "sAMAccountName"}, false, false);
            NamingEnumeration<SearchResult> users = context.search(usersDn,
                    PEOPLE, oneUser);
            if (!users.hasMore()) {
                return new Finding(Verdict.UNKNOWN, null);
            }
            Attributes user = users.next().getAttributes();
            users.close();
            Object descriptor = value(user, "nTSecurityDescriptor");
            Object name = value(user, "sAMAccountName");
            String sample = name == null ? null : name.toString();
            if (!(descriptor instanceof byte[] bytes)) {
                return new Finding(Verdict.UNKNOWN, sample);
            }
            return new Finding(verdict(new SDDL(bytes), guids.get()), sample);
        } catch (NamingException | RuntimeException e) {
            return new Finding(Verdict.UNKNOWN, null);
        }
    }

    /** The attribute's own GUID and its property set's, from the schema. */
    private static Optional<List<String>> schemaGuids(LdapContext context) throws NamingException {
        Object schema = value(context.getAttributes("", new String[] {"schemaNamingContext"}), "schemaNamingContext");
        if (schema == null) {
            return Optional.empty();
        }
        SearchControls entry = new SearchControls(SearchControls.ONELEVEL_SCOPE, 1, 0,
                new String[] {"schemaIDGUID", "attributeSecurityGUID"}, false, false);
        NamingEnumeration<SearchResult> found = context.search(schema.toString(), "(lDAPDisplayName=" + ATTRIBUTE + ")",
                entry);
        if (!found.hasMore()) {
            return Optional.empty();
        }
        Attributes attribute = found.next().getAttributes();
        found.close();
        Object own = value(attribute, "schemaIDGUID");
        Object set = value(attribute, "attributeSecurityGUID");
        if (!(own instanceof byte[] ownGuid)) {
            return Optional.empty();
        }
        return Optional.of(set instanceof byte[] setGuid
                ? List.of(GUID.getGuidAsString(ownGuid), GUID.getGuidAsString(setGuid))
                : List.of(GUID.getGuidAsString(ownGuid)));
    }

    static Verdict verdict(SDDL descriptor, List<String> propertyGuids) {
        if (descriptor.getDacl() == null) {
            // No DACL at all grants everyone everything.
            return Verdict.ALLOWED;
        }
        for (ACE ace : descriptor.getDacl().getAces()) {
            if (ace.getFlags().contains(AceFlag.INHERIT_ONLY_ACE) || ace.getSid() == null
                    || !EVERY_USER.contains(ace.getSid().toString()) || !writes(ace, propertyGuids)) {
                continue;
            }
            AceType type = ace.getType();
            if (type == AceType.ACCESS_DENIED_ACE_TYPE || type == AceType.ACCESS_DENIED_OBJECT_ACE_TYPE) {
                return Verdict.DENIED;
            }
            if (type == AceType.ACCESS_ALLOWED_ACE_TYPE || type == AceType.ACCESS_ALLOWED_OBJECT_ACE_TYPE) {
                return Verdict.ALLOWED;
            }
        }
        return Verdict.NOT_GRANTED;
    }

    /** Whether the entry is about writing the attribute: its GUID, its property set's, or every property. */
    private static boolean writes(ACE ace, List<String> propertyGuids) {
        List<AceRights.ObjectRight> rights = ace.getRights().getObjectRights();
        boolean write = rights.contains(AceRights.ObjectRight.WP) || rights.contains(AceRights.ObjectRight.GW)
                || rights.contains(AceRights.ObjectRight.GA);
        if (!write) {
            return false;
        }
        byte[] objectType = ace.getObjectType();
        return objectType == null || objectType.length == 0
                || propertyGuids.stream().anyMatch(GUID.getGuidAsString(objectType)::equalsIgnoreCase);
    }

    private static Object value(Attributes attributes, String name) throws NamingException {
        Attribute attribute = attributes.get(name);
        return attribute == null ? null : attribute.get();
    }
}
