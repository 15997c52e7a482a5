package io.github.keycloaksspr.testsinks;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The outside world for the one-command demo, all on 127.0.0.1: an SMTP server that keeps every
 * mail, the Twilio API stand-in, and an HTML page showing both. Each mail, SMS and call is also
 * printed to stdout: this is a local sink, and showing what was sent is its whole purpose.
 *
 * <p>Usage: {@code DemoSinks [--smtp-port 3025] [--twilio-port 8089] [--inbox-port 8090]};
 * the system properties {@code sspr.demo.smtp-port}, {@code sspr.demo.twilio-port} and
 * {@code sspr.demo.inbox-port} work too. Port 0 picks a free port. Runs until SIGINT or SIGTERM.
 */
public final class DemoSinks implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    /** Inside a container the sinks must listen beyond its own loopback: {@code -Dsspr.demo.bind-address=0.0.0.0}. */
    private static final String BIND_ADDRESS_PROPERTY = "sspr.demo.bind-address";
    private static final Pattern SAY = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL);
    private static final long MAIL_POLL_MILLIS = 300;
    static final String DEMO_AUTH_TOKEN = "demo-token";

    private final GreenMail mail;
    private final TwilioApiStandIn twilio;
    private final LoopbackServer twilioServer;
    private final LoopbackServer inboxServer;
    private final ScheduledExecutorService mailWatcher;
    /** The demo's auth token (demo/run.sh): the callee's keypress is signed with it, as Twilio signs it. */
    private final CalleeKeypress callee = new CalleeKeypress(DEMO_AUTH_TOKEN);
    private final java.util.concurrent.ExecutorService keypresses = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "demo-callee");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<RecordedTwilioRequest, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private int mailsPrinted;

    private DemoSinks(DemoPorts ports, String bindAddress, PrintStream out) {
        ServerSetup smtp = new ServerSetup(ports.smtp(), bindAddress, ServerSetup.PROTOCOL_SMTP);
        mail = new GreenMail(ports.smtp() == 0 ? smtp.dynamicPort() : smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        twilio = TwilioApiStandIn.acceptingAnyCredentials();
        twilio.addListener(request -> out.println(describe(request)));
        // A call that asks for a key gets one, as its callee would press it: what it says then is printed and listed.
        twilio.addListener(request -> CalleeKeypress.actionOf(request).ifPresent(action -> keypresses.submit(() -> {
            String said = pressKey(request);
            answers.put(request, said);
            out.println("[call] to " + request.to() + " : after a key says " + said);
        })));
        mail.start();
        LoopbackServer startedTwilio = null;
        try {
            startedTwilio = twilio.startOn(new InetSocketAddress(bindAddress, ports.twilio()));
            inboxServer = LoopbackServer.start(
                    new InetSocketAddress(bindAddress, ports.inbox()), new DemoInboxPage(mail, twilio, answers), "demo-inbox");
        } catch (RuntimeException e) {
            if (startedTwilio != null) {
                startedTwilio.close();
            }
            mail.stop();
            throw e;
        }
        twilioServer = startedTwilio;
        mailWatcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-mail-watcher");
            thread.setDaemon(true);
            return thread;
        });
        // GreenMail has no listener for delivered mail, so new mail is noticed by polling.
        mailWatcher.scheduleWithFixedDelay(() -> printNewMail(out), MAIL_POLL_MILLIS, MAIL_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts all three servers; {@link #close()} stops them. */
    public static DemoSinks start(DemoPorts ports, PrintStream out) {
        return new DemoSinks(ports, LOOPBACK, out);
    }

    public static void main(String[] args) throws InterruptedException {
        DemoSinks sinks;
        try {
            sinks = new DemoSinks(DemoPorts.from(args, System.getProperties()),
                    System.getProperty(BIND_ADDRESS_PROPERTY, LOOPBACK), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoPorts.USAGE);
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("Demo sinks could not start (is a port in use?): " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sinks.close();
            stopped.countDown();
        }, "demo-sinks-shutdown"));
        String address = System.getProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
        System.out.println("Demo sinks on " + address + ":");
        System.out.println("  SMTP (no auth)     " + address + ":" + sinks.smtpPort());
        System.out.println("  Twilio API         " + sinks.twilioBaseUrl());
        System.out.println("  Inbox page         " + sinks.inboxUrl());
        System.out.println("Demo sinks run until Ctrl+C or SIGTERM.");
        stopped.await();
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public URI twilioBaseUrl() {
        return twilioServer.baseUrl();
    }

    public URI inboxUrl() {
        return URI.create(inboxServer.baseUrl() + "/");
    }

    public GreenMail mail() {
        return mail;
    }

    public TwilioApiStandIn twilio() {
        return twilio;
    }

    private String pressKey(RecordedTwilioRequest call) {
        try {
            java.net.http.HttpResponse<String> answer = callee.press(call, "1");
            return answer.statusCode() == 200 ? spokenText(answer.body()) : "(callback answered HTTP "
                    + answer.statusCode() + ")";
        } catch (java.io.IOException | RuntimeException e) {
            return "(could not call the server back: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    @Override
    public void close() {
        keypresses.shutdownNow();
        mailWatcher.shutdownNow();
        inboxServer.close();
        twilioServer.close();
        mail.stop();
    }

    private synchronized void printNewMail(PrintStream out) {
        MimeMessage[] received = mail.getReceivedMessages();
        for (int i = mailsPrinted; i < received.length; i++) {
            ReceivedMail summary = ReceivedMail.of(received[i]);
            out.println("[mail] to " + summary.to() + " : " + summary.subject());
        }
        mailsPrinted = Math.max(mailsPrinted, received.length);
    }

    static String describe(RecordedTwilioRequest request) {
        String outcome = request.accepted() ? "" : " (answered HTTP " + request.responseStatus() + ")";
        return switch (request.kind()) {
            case SMS -> "[sms] to " + request.to() + outcome + " : " + request.body();
            case CALL -> "[call] to " + request.to() + outcome + " : says " + spokenText(request.twiml());
            case OTHER -> "[twilio] " + request.method() + " " + request.path() + " (answered HTTP " + request.responseStatus() + ")";
        };
    }

    private static String spokenText(String twiml) {
        if (twiml == null) {
            return "(no TwiML)";
        }
        Matcher say = SAY.matcher(twiml);
        if (!say.find()) {
            return twiml;
        }
        return "\"" + say.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&") + "\"";
    }
}
