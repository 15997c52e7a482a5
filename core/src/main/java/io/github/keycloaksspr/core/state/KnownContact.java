package io.github.keycloaksspr.core.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A phone or alternate address a user once registered: {@code phone:+4917…} or {@code email:a@b}. */
public record KnownContact(Kind kind, String value) {

    /** Enough for a person's phones and addresses over the years; the oldest go first. */
    static final int MAX_KEPT = 10;

    /** A mobile phone, an alternate address, or the account's own address while the account had security info. */
    public enum Kind { PHONE, EMAIL, ACCOUNT }

    public static KnownContact phone(String e164) {
        return new KnownContact(Kind.PHONE, e164);
    }

    public static KnownContact email(String address) {
        return new KnownContact(Kind.EMAIL, address);
    }

    public static KnownContact account(String address) {
        return new KnownContact(Kind.ACCOUNT, address);
    }

    String line() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }

    static Optional<KnownContact> ofLine(String line) {
        int colon = line.indexOf(':');
        if (colon < 0 || colon == line.length() - 1) {
            return Optional.empty();
        }
        String value = line.substring(colon + 1).strip();
        return switch (line.substring(0, colon)) {
            case "phone" -> Optional.of(phone(value));
            case "email" -> Optional.of(email(value));
            case "account" -> Optional.of(account(value));
            default -> Optional.empty();
        };
    }

    static List<KnownContact> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(KnownContact::ofLine).flatMap(Optional::stream).toList();
    }

    /**
     * {@code known} and then {@code current}, each once, the most recent last: at most {@link #MAX_KEPT}, and the
     * oldest dropped until the text fits {@code maxLength} characters.
     */
    static String merge(List<KnownContact> known, List<KnownContact> current, int maxLength) {
        LinkedHashSet<KnownContact> merged = new LinkedHashSet<>(known);
        current.forEach(contact -> {
            merged.remove(contact);
            merged.add(contact);
        });
        List<KnownContact> kept = new ArrayList<>(merged);
        kept = new ArrayList<>(kept.subList(Math.max(0, kept.size() - MAX_KEPT), kept.size()));
        String text = kept.stream().map(KnownContact::line).collect(Collectors.joining("\n"));
        while (text.length() > maxLength && !kept.isEmpty()) {
            kept.remove(0);
            text = kept.stream().map(KnownContact::line).collect(Collectors.joining("\n"));
        }
        return text;
    }
}
