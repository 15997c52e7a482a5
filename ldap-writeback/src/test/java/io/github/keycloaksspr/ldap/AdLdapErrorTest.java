package io.github.keycloaksspr.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import javax.naming.CommunicationException;
import javax.naming.NamingException;
import javax.naming.directory.InvalidAttributeValueException;

import org.junit.jupiter.api.Test;

class AdLdapErrorTest {

    private static final String WINDOWS_CONSTRAINT = "[LDAP: error code 19 - 0000052D: AtrErr: DSID-03191083, #1:\n"
            + "\t0: 0000052D: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n\u0000]";
    private static final String WINDOWS_UNWILLING = "[LDAP: error code 53 - 0000052D: SvcErr: DSID-031A120C, "
            + "problem 5003 (WILL_NOT_PERFORM), data 0\n\u0000]";
    private static final String SAMBA_CONSTRAINT = "[LDAP: error code 19 - 0000052D: Constraint violation - "
            + "check_password_restrictions: the password is too short. It should be equal or longer than 7 characters!]";
    private static final String UNENCRYPTED = "[LDAP: error code 53 - 0000001F: SvcErr: DSID-031A12D2, problem 5003 "
            + "(WILL_NOT_PERFORM), data 0\n\u0000]";

    @Test
    void readsResultCodeWin32ErrorAndDataFromWindows() {
        assertThat(AdLdapError.parse(WINDOWS_CONSTRAINT)).contains(new AdLdapError(19, "0000052D", "0"));
        assertThat(AdLdapError.parse(WINDOWS_UNWILLING)).contains(new AdLdapError(53, "0000052D", "0"));
    }

    @Test
    void sambaSendsNoDataValue() {
        assertThat(AdLdapError.parse(SAMBA_CONSTRAINT)).contains(new AdLdapError(19, "0000052D", null));
    }

    @Test
    void passwordRestrictionNeedsBothTheResultCodeAndThe52DPrefix() {
        assertThat(AdLdapError.parse(WINDOWS_CONSTRAINT).orElseThrow().isPasswordRestriction()).isTrue();
        assertThat(AdLdapError.parse(WINDOWS_UNWILLING).orElseThrow().isPasswordRestriction()).isTrue();
        assertThat(AdLdapError.parse(UNENCRYPTED).orElseThrow().isPasswordRestriction()).isFalse();
        assertThat(new AdLdapError(50, "0000052D", null).isPasswordRestriction()).isFalse();
        assertThat(new AdLdapError(19, "0000202F", null).isPasswordRestriction()).isFalse();
    }

    @Test
    void findsTheNamingExceptionBehindKeycloaksWrappers() {
        RuntimeException wrapped = new RuntimeException("invalidPasswordGenericMessage",
                new RuntimeException(new InvalidAttributeValueException(SAMBA_CONSTRAINT)));
        assertThat(AdLdapError.in(wrapped)).contains(new AdLdapError(19, "0000052D", null));
        assertThat(AdLdapError.in(new RuntimeException("invalidPasswordMinLengthMessage"))).isEmpty();
        assertThat(AdLdapError.in(new RuntimeException(new NamingException("no code here")))).isEmpty();
    }

    @Test
    void unreachableMeansConnectionFailuresAndBusyOrUnavailableResults() {
        assertThat(AdLdapError.isUnreachable(new RuntimeException(new CommunicationException("down")))).isTrue();
        assertThat(AdLdapError.isUnreachable(new RuntimeException(
                new NamingException("[LDAP: error code 52 - 00000000: unavailable]")))).isTrue();
        assertThat(AdLdapError.isUnreachable(new RuntimeException(
                new InvalidAttributeValueException(SAMBA_CONSTRAINT)))).isFalse();
    }

    @Test
    void aReadTimeoutIsNeitherUnreachableNorAnAnswer() {
        RuntimeException timeout = new RuntimeException("Error updating password.",
                new NamingException("LDAP response read timed out, timeout used: 10000 ms."));
        assertThat(AdLdapError.isReadTimeout(timeout)).isTrue();
        assertThat(AdLdapError.isUnreachable(timeout)).isFalse();
        assertThat(AdLdapError.in(timeout)).isEmpty();
        assertThat(AdLdapError.isReadTimeout(new RuntimeException(new CommunicationException("connect timed out"))))
                .isFalse();
    }

    @Test
    void summaryHoldsCodesOnly() {
        assertThat(AdLdapError.parse(WINDOWS_CONSTRAINT).orElseThrow().summary()).isEqualTo("19/0000052D/data 0");
        assertThat(AdLdapError.parse(SAMBA_CONSTRAINT).orElseThrow().summary()).isEqualTo("19/0000052D");
    }
}
