package io.github.keycloaksspr.core.budget;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.keycloaksspr.core.keys.SubjectHasher;

/**
 * Whose budget a send draws on: a scope ({@value #USER}, {@value #CLIENT_IP}, {@value #DESTINATION}
 * or another), the realm, and the subject. The subject (user id, client IP, phone number or email
 * address) is kept only as a keyed hash ({@link SubjectHasher}): a plain hash of a phone number could be
 * reversed by hashing every number, a keyed one only by whoever holds the realm's keys.
 *
 * @param scope       what kind of subject this is; lower-case letters, digits and dashes
 * @param realmId     the realm's id
 * @param subjectHash the subject's hash, as made by the factory methods
 */
public record BudgetKey(String scope, String realmId, String subjectHash) {

    public static final String USER = "user";
    public static final String CLIENT_IP = "ip";
    public static final String DESTINATION = "destination";
    public static final String REALM_PHONE = "realm-phone";

    private static final Pattern SCOPE = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{" + SubjectHasher.LENGTH + "}");
    /** Where a proxy passed no address: all such requests share one budget, which errs towards fewer sends. */
    private static final String UNKNOWN_IP = "unknown";
    /** An IPv6 user usually controls a whole /64: counting single addresses would let them rotate freely. */
    private static final int IPV6_PREFIX_BYTES = 8;
    private static final Pattern IP_LITERAL_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public BudgetKey {
        if (scope == null || !SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("budget scope must be 1-32 characters of a-z, 0-9, '-'");
        }
        if (realmId == null || realmId.isBlank()) {
            throw new IllegalArgumentException("budget needs a realm id");
        }
        // Rejects a raw subject passed by mistake, which would put personal data into the cache.
        if (subjectHash == null || !HASH.matcher(subjectHash).matches()) {
            throw new IllegalArgumentException("budget subject must be hashed: use a factory method");
        }
    }

    public static BudgetKey perUser(SubjectHasher hasher, String realmId, String userId) {
        return perUser(hasher, SendFamily.RESET, realmId, userId);
    }

    public static BudgetKey perUser(SubjectHasher hasher, SendFamily family, String realmId, String userId) {
        return of(hasher, family.scope(USER), realmId, requireSubject(userId, "user id"));
    }

    /** By client address; IPv6 addresses count by their /64 network. A missing address shares one budget. */
    public static BudgetKey perClientIp(SubjectHasher hasher, String realmId, String clientIp) {
        return perClientIp(hasher, SendFamily.RESET, realmId, clientIp);
    }

    public static BudgetKey perClientIp(SubjectHasher hasher, SendFamily family, String realmId, String clientIp) {
        return ofClientIp(hasher, family.scope(CLIENT_IP), realmId, clientIp);
    }

    /** A budget of client addresses in another scope (e.g. wrong answers), counted as {@link #perClientIp} counts. */
    public static BudgetKey ofClientIp(SubjectHasher hasher, String scope, String realmId, String clientIp) {
        return of(hasher, scope, realmId, normalizedIp(clientIp));
    }

    /** By phone number or email address, case-insensitively. */
    public static BudgetKey perDestination(SubjectHasher hasher, String realmId, String destination) {
        return perDestination(hasher, SendFamily.RESET, realmId, destination);
    }

    public static BudgetKey perDestination(SubjectHasher hasher, SendFamily family, String realmId,
                                           String destination) {
        return of(hasher, family.scope(DESTINATION), realmId,
                requireSubject(destination, "destination").strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The realm's budget of SMS and calls of one family: anonymous reset traffic that reaches the reset flow's ceiling
     * does not pause sign-in codes.
     */
    public static BudgetKey realmPhone(SubjectHasher hasher, SendFamily family, String realmId) {
        return of(hasher, family.scope(REALM_PHONE), realmId, realmId);
    }

    /** A budget of another scope, e.g. wrong answers per account; {@code subject} is hashed here. */
    public static BudgetKey of(SubjectHasher hasher, String scope, String realmId, String subject) {
        if (realmId == null || realmId.isBlank()) {
            throw new IllegalArgumentException("budget needs a realm id");
        }
        return new BudgetKey(scope, realmId, hasher.hash(scope, requireSubject(subject, "subject")));
    }

    /** {@code sspr:budget:<scope>:<realmId>:<hashed subject>:w<window index>:<slot>}. */
    public String slotKey(long windowIndex, int slot) {
        return "sspr:budget:" + scope + ":" + realmId + ":" + subjectHash + ":w" + windowIndex + ":" + slot;
    }

    /** A mark that outlives windows: {@code sspr:budget:<scope>:<realmId>:<hashed subject>:blocked}. */
    public String blockKey() {
        return "sspr:budget:" + scope + ":" + realmId + ":" + subjectHash + ":blocked";
    }

    /**
     * Marks the window's budget of {@code limit} as spent:
     * {@code sspr:budget:<scope>:<realmId>:<hashed subject>:w<window index>:spent:<limit>}. The limit is part of the
     * key: an administrator who raises it finds the new slots free at once, not after the window.
     */
    public String spentKey(long windowIndex, int limit) {
        return "sspr:budget:" + scope + ":" + realmId + ":" + subjectHash + ":w" + windowIndex + ":spent:" + limit;
    }

    @Override
    public String toString() {
        return "BudgetKey[" + scope + ", realm=" + realmId + "]";
    }

    private static String requireSubject(String subject, String name) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("budget needs a " + name);
        }
        return subject;
    }

    private static String normalizedIp(String clientIp) {
        if (clientIp == null || clientIp.isBlank()) {
            return UNKNOWN_IP;
        }
        String ip = clientIp.strip();
        int zone = ip.indexOf('%');
        if (zone >= 0) {
            ip = ip.substring(0, zone);
        }
        // Only a literal with a colon is parsed: InetAddress resolves anything else through DNS.
        if (ip.indexOf(':') < 0 || !IP_LITERAL_CHARS.matcher(ip).matches()) {
            return ip.toLowerCase(Locale.ROOT);
        }
        try {
            InetAddress address = InetAddress.getByName(ip);
            byte[] bytes = address.getAddress();
            if (bytes.length == 4) {
                return address.getHostAddress(); // IPv4-mapped IPv6
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, IPV6_PREFIX_BYTES), bytes.length);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return ip.toLowerCase(Locale.ROOT);
        }
    }
}
