package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads what a user would read in a received mail. */
public final class MailContent {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private MailContent() {
    }

    public static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    /** The HTML alternative of a mail ("" when it has none). */
    public static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (!html.isEmpty()) {
                    return html;
                }
            }
        }
        return "";
    }

    public static String firstLink(Part part, String pathContaining) throws MessagingException, IOException {
        Matcher matcher = LINK.matcher(text(part));
        while (matcher.find()) {
            if (matcher.group().contains(pathContaining)) {
                return matcher.group();
            }
        }
        throw new AssertionError("no link containing " + pathContaining + " in the mail's text");
    }
}
