package io.github.keycloaksspr.core.email;

import java.util.Locale;
import java.util.regex.Pattern;

import org.keycloak.utils.EmailValidationUtil;

/**
 * Checks, normalizes and masks email addresses that we send codes to. Deliberately stricter than
 * RFC 5322: no quoted local parts, no IP-literal domains, no comments. An address that needs those
 * is not one a user types as a recovery contact, and every oddity we accept is one a mail relay
 * may treat differently.
 */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = EmailValidationUtil.MAX_LOCAL_PART_LENGTH;
    private static final int MAX_LABEL_LENGTH = 63;

    /** Anything a plain address never contains: whitespace, controls, quoting and bracket syntax. */
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s\\p{Cntrl}\"(),:;<>\\[\\]\\\\]");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    private EmailAddresses() {
    }

    /**
     * Returns the address with surrounding whitespace removed and the domain lower-cased, or throws
     * if it is not a plain, deliverable-looking address. The local part keeps its case: RFC 5321
     * lets the receiving server treat it case-sensitively.
     */
    public static String normalize(String address) {
        if (address == null) {
            throw new IllegalArgumentException("email address must not be null");
        }
        String stripped = address.strip();
        int at = stripped.lastIndexOf('@');
        if (at <= 0 || at == stripped.length() - 1) {
            throw invalid();
        }
        String normalized = stripped.substring(0, at) + "@" + stripped.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!isPlainAddress(normalized)) {
            throw invalid();
        }
        return normalized;
    }

    public static boolean isValid(String address) {
        try {
            normalize(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPlainAddress(String address) {
        if (address.length() > MAX_LENGTH || FORBIDDEN.matcher(address).find()) {
            return false;
        }
        int at = address.indexOf('@');
        if (at != address.lastIndexOf('@')) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART_LENGTH || !hasDottedDomain(domain)) {
            return false;
        }
        // Keycloak's own check as well: an alternate address must never be one Keycloak would reject as a user's email.
        return EmailValidationUtil.isValidEmail(address, MAX_LOCAL_PART_LENGTH);
    }

    private static boolean hasDottedDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH || !DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    // The message never repeats the input: it is personal data.
    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("not a plain email address (name@domain.tld)");
    }
}
