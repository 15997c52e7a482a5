package io.github.keycloaksspr.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.keycloak.testframework.mail.MailServer;

/**
 * What phones and inboxes received, by destination, for many simulated users at once: each thread waits for the next
 * message to its own phone number or address. Codes leave after the page returned (on Keycloak's executor), so a
 * thread notes {@link #count} before the request that sends and then {@link #await}s the message after those.
 * Thread-safe.
 * <p>
 * Texts are pushed by the Twilio stand-in as they arrive. GreenMail has no such hook and lists its mail per mailbox
 * (not in arrival order), so mails are polled: by one thread at a time, at most every {@value #POLL_MILLIS} ms
 * however many threads wait, and only new mails are read, so that twenty waiting threads do not take the CPU from
 * the server they measure.
 */
public final class Deliveries<T> {

    /** Generous: on two cores under twenty concurrent resets a send can queue behind others. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 10;

    private final Map<String, List<T>> byDestination = new HashMap<>();
    /** Reads what arrived since the last call into {@link #add}; null where messages are pushed. */
    private final Poller poller;

    private Deliveries(Poller poller) {
        this.poller = poller;
    }

    /** The accepted SMS of this stand-in by number ({@code To}), from now on. */
    public static Deliveries<RecordedTwilioRequest> textsOf(TwilioApiStandIn twilio) {
        Deliveries<RecordedTwilioRequest> texts = new Deliveries<>(null);
        twilio.addListener(request -> {
            if (request.kind() == RecordedTwilioRequest.Kind.SMS && request.accepted()) {
                texts.add(request.to(), request);
            }
        });
        return texts;
    }

    /** The mails GreenMail received, by each address in {@code To}. */
    public static Deliveries<MimeMessage> mailsOf(MailServer mailServer) {
        MailPoller poller = new MailPoller(mailServer);
        Deliveries<MimeMessage> mails = new Deliveries<>(poller);
        poller.target = mails;
        return mails;
    }

    /** How many messages reached {@code destination} so far: the number to skip in {@link #await}. */
    public synchronized int count(String destination) {
        if (poller != null) {
            // Forced: a mail already received but not yet read would otherwise be taken for the next one.
            poller.poll(true);
        }
        return byDestination.getOrDefault(key(destination), List.of()).size();
    }

    /**
     * The first message to {@code destination} after the first {@code seen} ones, waiting up to {@link #TIMEOUT}.
     *
     * @throws AssertionError when none arrives in time
     */
    public synchronized T await(String destination, int seen) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            if (poller != null) {
                poller.poll(false);
            }
            List<T> arrived = byDestination.getOrDefault(key(destination), List.of());
            if (arrived.size() > seen) {
                return arrived.get(seen);
            }
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMillis <= 0) {
                throw new AssertionError("no message " + (seen + 1) + " to " + destination + " within " + TIMEOUT
                        + " (" + arrived.size() + " arrived)");
            }
            // Releases the lock: other threads read their own messages meanwhile.
            wait(poller == null ? leftMillis : Math.min(leftMillis, POLL_MILLIS));
        }
    }

    private synchronized void add(String destination, T message) {
        if (destination != null) {
            byDestination.computeIfAbsent(key(destination), d -> new ArrayList<>()).add(message);
            notifyAll();
        }
    }

    private static String key(String destination) {
        return destination.strip().toLowerCase(Locale.ROOT);
    }

    private interface Poller {
        /** Called with the lock of the {@link Deliveries} held. */
        void poll(boolean force);
    }

    private static final class MailPoller implements Poller {

        private final MailServer mailServer;
        /** A mail to several recipients is stored once per mailbox: its Message-ID counts it once. */
        private final Set<String> readIds = new HashSet<>();
        private final Set<MimeMessage> readWithoutId = Collections.newSetFromMap(new IdentityHashMap<>());
        private Deliveries<MimeMessage> target;
        private long lastPoll;
        private int lastTotal = -1;

        private MailPoller(MailServer mailServer) {
            this.mailServer = mailServer;
        }

        @Override
        public void poll(boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastPoll < TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)) {
                return;
            }
            lastPoll = now;
            MimeMessage[] all = mailServer.getReceivedMessages();
            if (all.length == lastTotal) {
                return;
            }
            lastTotal = all.length;
            try {
                for (MimeMessage mail : all) {
                    String id = mail.getMessageID();
                    boolean unread = id != null ? readIds.add(id) : readWithoutId.add(mail);
                    Address[] to = unread ? mail.getRecipients(Message.RecipientType.TO) : null;
                    if (to != null) {
                        for (Address recipient : to) {
                            target.add(recipient instanceof InternetAddress address ? address.getAddress()
                                    : recipient.toString(), mail);
                        }
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("GreenMail returned an unreadable mail", e);
            }
        }
    }
}
