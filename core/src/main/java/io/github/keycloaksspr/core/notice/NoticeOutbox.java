package io.github.keycloaksspr.core.notice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.keycloaksspr.core.delivery.ThemeMessages;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Mails and texts wait here until the request's transaction has committed (a rolled-back change announces nothing).
 * Each is sent in its own transaction; one that fails is logged without its address or number, handed to the
 * caller's {@link Failures} (the audit trail records it), and never undoes what it announces.
 */
public final class NoticeOutbox extends AbstractKeycloakTransaction {

    /** What the caller does with a notice that could not be sent, in a transaction of its own. */
    @FunctionalInterface
    public interface Failures {
        void record(KeycloakSession session, String realmId, String userId, String username);

        Failures LOG_ONLY = (session, realmId, userId, username) -> {
        };
    }

    private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);
    static final String EXECUTOR = "sspr-notices";

    private final KeycloakSessionFactory factory;
    private final Failures failures;
    private final ExecutorService background;
    private final List<Notice> notices = new ArrayList<>();
    private final List<TextNotice> texts = new ArrayList<>();

    private NoticeOutbox(KeycloakSessionFactory factory, Failures failures, ExecutorService background) {
        this.factory = factory;
        this.failures = failures;
        this.background = background;
    }

    /** An outbox sent after this request's transaction, before its response. */
    public static NoticeOutbox afterCommitOf(KeycloakSession session, Failures failures) {
        NoticeOutbox outbox = new NoticeOutbox(session.getKeycloakSessionFactory(), failures, null);
        session.getTransactionManager().enlistAfterCompletion(outbox);
        return outbox;
    }

    /**
     * An outbox handed to Keycloak's executor after this request's transaction: for notices that an anonymous
     * request causes, whose response must take the same time whether or not a notice goes out.
     */
    public static NoticeOutbox inBackgroundAfterCommitOf(KeycloakSession session, Failures failures) {
        NoticeOutbox outbox = new NoticeOutbox(session.getKeycloakSessionFactory(), failures,
                session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR));
        session.getTransactionManager().enlistAfterCompletion(outbox);
        return outbox;
    }

    public void add(Notice notice) {
        notices.add(notice);
        queued(1);
    }

    public void add(TextNotice text) {
        texts.add(text);
        queued(1);
    }

    /** Background sends are counted in the request that causes them: see {@link SsprMetrics#BACKGROUND_QUEUED}. */
    private void queued(int sends) {
        if (background != null) {
            SsprMetrics.backgroundQueued(EXECUTOR, sends);
        }
    }

    private void done(int sends) {
        if (background != null) {
            SsprMetrics.backgroundDone(EXECUTOR, sends);
        }
    }

    @Override
    protected void commitImpl() {
        if (background == null) {
            sendAll();
            return;
        }
        if (notices.isEmpty() && texts.isEmpty()) {
            return;
        }
        int sends = notices.size() + texts.size();
        try {
            background.execute(() -> {
                try {
                    sendAll();
                } finally {
                    done(sends);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warnf("SSPR: the %s executor refused %d notices (server shutting down or overloaded)", EXECUTOR,
                    sends);
            done(sends);
        }
    }

    private void sendAll() {
        notices.forEach(this::send);
        texts.forEach(this::send);
    }

    @Override
    protected void rollbackImpl() {
        done(notices.size() + texts.size());
        notices.clear();
        texts.clear();
    }

    private void send(TextNotice text) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(text.realmId());
            if (realm == null) {
                return;
            }
            session.getContext().setRealm(realm);
            UserModel user = session.users().getUserById(realm, text.userId());
            if (user == null) {
                return;
            }
            try {
                Locale locale = session.getContext().resolveLocale(user);
                String body = ThemeMessages.format(session, realm, locale, text.messageKey(),
                        text.args().toArray());
                PhoneGateway.required(session).sendSms(text.number(), body);
            } catch (PhoneDeliveryException | RuntimeException e) {
                LOG.warnf("SSPR: a text notice for user %s in realm %s could not be sent (%s)", text.userId(),
                        realm.getName(), e.getClass().getSimpleName());
                failures.record(session, text.realmId(), text.userId(), user.getUsername());
            }
        });
    }

    private void send(Notice notice) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(notice.realmId());
            if (realm == null) {
                return;
            }
            session.getContext().setRealm(realm);
            UserModel recipient = session.users().getUserById(realm, notice.recipientId());
            if (recipient == null) {
                return;
            }
            try {
                Locale locale = session.getContext().resolveLocale(recipient);
                Map<String, Object> attributes = new HashMap<>(notice.attributes());
                attributes.put("ssprTime", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(notice.time()))
                        + " UTC");
                session.getProvider(EmailTemplateProvider.class)
                        .setRealm(realm)
                        .setUser(recipient)
                        .send(notice.subjectKey(), new ArrayList<>(notice.subjectArgs()), notice.template(),
                                attributes, notice.address());
            } catch (EmailException | RuntimeException e) {
                // The exception's text may quote the recipient's address: only its type is logged.
                LOG.warnf("SSPR: %s for user %s in realm %s could not be sent (%s)", notice.template(),
                        notice.subjectUserId(), realm.getName(), e.getClass().getSimpleName());
                failures.record(session, notice.realmId(), notice.subjectUserId(), notice.subjectName());
            }
        });
    }
}
