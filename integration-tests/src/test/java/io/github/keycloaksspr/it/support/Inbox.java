package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** The test SMTP server's mail as a recipient sees it: by address, waiting for mail sent after a commit. */
public final class Inbox {

    private static final long WAIT_MILLIS = 15_000;

    private final MailServer mailServer;

    public Inbox(MailServer mailServer) {
        this.mailServer = mailServer;
    }

    public List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                if (recipient.toString().equals(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    public List<MimeMessage> awaitMailTo(String address, int count) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<MimeMessage> found = mailsTo(address);
        while (found.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            found = mailsTo(address);
        }
        assertThat(found).as("mails to " + address).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    public MimeMessage awaitMailWithSubject(String address, String subject) throws Exception {
        return awaitMail(address, subject, "");
    }

    /** The first mail to {@code address} with this subject whose text contains {@code text}. */
    public MimeMessage awaitMail(String address, String subject, String text) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mailsTo(address)) {
                if (subject.equals(message.getSubject()) && MailContent.text(message).contains(text)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        List<String> got = new ArrayList<>();
        for (MimeMessage message : mailsTo(address)) {
            got.add(message.getSubject() + ": " + MailContent.text(message));
        }
        throw new AssertionError("no '" + subject + "' containing '" + text + "' to " + address + "; got " + got);
    }
}
