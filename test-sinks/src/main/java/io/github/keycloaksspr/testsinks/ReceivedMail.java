package io.github.keycloaksspr.testsinks;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The parts of a received mail a person checks in the demo: who, what, when, and the text
 * (the plain-text part when there is one, else the HTML source).
 */
record ReceivedMail(String from, String to, String subject, Instant sentAt, String text) {

    static ReceivedMail of(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return new ReceivedMail(
                    addresses(message.getFrom()),
                    addresses(message.getRecipients(RecipientType.TO)),
                    message.getSubject() == null ? "(no subject)" : message.getSubject(),
                    sent == null ? null : sent.toInstant(),
                    textOf(message));
        } catch (MessagingException | IOException e) {
            return new ReceivedMail("?", "?", "(unreadable mail: " + e + ")", null, "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        String plain = firstPart(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = firstPart(part, "text/html");
        return html == null ? "" : html;
    }

    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = firstPart(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
