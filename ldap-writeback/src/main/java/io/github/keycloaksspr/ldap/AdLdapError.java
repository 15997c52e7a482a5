package io.github.keycloaksspr.ldap;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.CommunicationException;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;

import org.keycloak.storage.StorageUnavailableException;

/**
 * An LDAP error from Active Directory, as JNDI reports it: {@code [LDAP: error code 19 - 0000052D: ... data 0 ...]}.
 * Only the result code, the Win32 error that opens AD's diagnostic text and its {@code data} value are read — the rest
 * of the text differs between Windows and Samba versions and languages.
 *
 * @param resultCode LDAP result code (RFC 4511)
 * @param win32Error the eight-hex-digit Win32 error, upper case ({@code 0000052D})
 * @param data       the {@code data <hex>} value, or null when AD did not send one (Samba does not)
 */
record AdLdapError(int resultCode, String win32Error, String data) {

    /** ERROR_PASSWORD_RESTRICTION: the new password does not meet the password policy. */
    static final String PASSWORD_RESTRICTION = "0000052D";
    /** constraintViolation, unwillingToPerform: the two codes AD answers a policy violation with. */
    private static final Set<Integer> PASSWORD_POLICY_RESULTS = Set.of(19, 53);
    /** busy, unavailable: the server is there but cannot serve. */
    private static final Set<Integer> UNAVAILABLE_RESULTS = Set.of(51, 52);

    private static final Pattern RESULT = Pattern.compile("error code (\\d+) - ([0-9A-Fa-f]{8})\\b");
    private static final Pattern DATA = Pattern.compile("\\bdata ([0-9A-Fa-f]+)\\b");

    /** The AD error in {@code failure}'s cause chain, if there is one. */
    static Optional<AdLdapError> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NamingException && cause.getMessage() != null) {
                Optional<AdLdapError> parsed = parse(cause.getMessage());
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    static Optional<AdLdapError> parse(String message) {
        Matcher result = RESULT.matcher(message);
        if (!result.find()) {
            return Optional.empty();
        }
        Matcher data = DATA.matcher(message);
        return Optional.of(new AdLdapError(Integer.parseInt(result.group(1)),
                result.group(2).toUpperCase(Locale.ROOT),
                data.find() ? data.group(1).toUpperCase(Locale.ROOT) : null));
    }

    /** Whether the directory could not be reached or could not serve: nothing can have been written. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageUnavailableException
                    || cause instanceof CommunicationException || cause instanceof ServiceUnavailableException
                    || cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return in(failure).map(error -> UNAVAILABLE_RESULTS.contains(error.resultCode())).orElse(false);
    }

    /**
     * Whether the request reached the directory but its answer did not come in time (JNDI's read timeout, a plain
     * NamingException): unlike an unreachable directory, the write may have happened.
     */
    static boolean isReadTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NamingException && !(cause instanceof CommunicationException)
                    && cause.getMessage() != null && cause.getMessage().contains("read timed out")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The new password broke the directory's password rules (length, complexity, history, age, filters). */
    boolean isPasswordRestriction() {
        return PASSWORD_POLICY_RESULTS.contains(resultCode) && PASSWORD_RESTRICTION.equals(win32Error);
    }

    /** For logs and events: codes only, never AD's text (which may quote the account). */
    String summary() {
        return resultCode + "/" + win32Error + (data == null ? "" : "/data " + data);
    }
}
