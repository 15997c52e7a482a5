package io.github.keycloaksspr.audit.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditTrail;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Mails wait here until the request's transaction has committed (a rolled-back reset announces nothing). Each is
 * sent in its own transaction; one that fails is logged without its address and recorded in the audit trail, and
 * never undoes the reset.
 */
final class NoticeOutbox extends AbstractKeycloakTransaction {

    private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);

    private final KeycloakSessionFactory factory;
    private final List<Notice> notices = new ArrayList<>();

    NoticeOutbox(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    void add(Notice notice) {
        notices.add(notice);
    }

    @Override
    protected void commitImpl() {
        notices.forEach(this::send);
    }

    @Override
    protected void rollbackImpl() {
        notices.clear();
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
                LOG.warnf("SSPR: %s for user %s in realm %s could not be sent: %s", notice.template(),
                        notice.subjectUserId(), realm.getName(), e.getMessage());
                recordFailure(session, notice);
            }
        });
    }

    private static void recordFailure(KeycloakSession session, Notice notice) {
        new AuditTrail(session).record(new AuditEntry(notice.realmId(), Time.currentTimeMillis(),
                notice.subjectUserId(), notice.subjectName(), AuditActivity.FLOW_PROGRESS, "notification", null, AuditEntry.FAILURE,
                "mail_failed", null));
    }
}
