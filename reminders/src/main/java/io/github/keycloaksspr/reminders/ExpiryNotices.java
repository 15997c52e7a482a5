package io.github.keycloaksspr.reminders;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.ThemeMessages;
import io.github.keycloaksspr.core.events.ReminderEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.notice.Notice;
import io.github.keycloaksspr.core.notice.NoticeOutbox;
import io.github.keycloaksspr.core.notice.TextNotice;
import io.github.keycloaksspr.core.policy.ExpiryReminders;
import io.github.keycloaksspr.core.expiry.ExpiringPasswords.Expiring;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One reminder: a mail to the account address (in the user's language, naming the expiry and, when the server's
 * public address is known, linking to the Account Console's password page and to "Forgot password?") and, when the
 * realm asks, a text to the registered mobile phone. Sent after the run's transaction; recorded as the user's event
 * and counted.
 */
final class ExpiryNotices {

    static final String TEMPLATE = "sspr-password-expiry-notice.ftl";

    /** A reminder due: its threshold, the password's expiry (epoch ms), the realm's reminder settings. */
    record Due(int days, long expiry, ExpiryReminders settings) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ExpiryReminders settings;
    private final String publicUrl;
    private final NoticeOutbox outbox;

    ExpiryNotices(KeycloakSession session, RealmModel realm, ExpiryReminders settings, String publicUrl) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.outbox = NoticeOutbox.afterCommitOf(session, NoticeOutbox.Failures.LOG_ONLY);
    }

    /** Queues the reminder of threshold {@code days}; false when the user has nowhere to receive it. */
    boolean queue(Expiring password, int days, long expiry) {
        List<String> channels = new ArrayList<>();
        if (password.email() != null && !password.email().isBlank()) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("ssprUsername", password.username());
            links().ifPresent(attributes::putAll);
            outbox.add(new Notice(realm.getId(), password.userId(), password.username(), password.userId(),
                    password.email(), "ssprReminderSubject", List.of(ThemeMessages.realmName(realm)), TEMPLATE,
                    attributes, expiry));
            channels.add("email");
        }
        if (settings.sms()) {
            UserModel user = session.users().getUserById(realm, password.userId());
            Optional<String> number = user == null ? Optional.empty() : SsprCredentials.mobileNumber(user);
            number.ifPresent(n -> outbox.add(new TextNotice(realm.getId(), password.userId(), n, "ssprReminderText",
                    List.of(ThemeMessages.realmName(realm), password.username(), new Date(expiry)))));
            number.ifPresent(n -> channels.add("sms"));
        }
        if (channels.isEmpty()) {
            return false;
        }
        new EventBuilder(realm, session).event(EventType.EXECUTE_ACTIONS).user(password.userId())
                .detail(Details.USERNAME, password.username()).detail(SsprEvents.STEP, ReminderEvents.STEP)
                .detail(ReminderEvents.DAYS, Integer.toString(days))
                .detail(ReminderEvents.CHANNELS, String.join("+", channels))
                .detail(ReminderEvents.SOURCE, password.source()).success();
        channels.forEach(channel -> SsprMetrics.reminder(realm.getName(), days, channel));
        return true;
    }

    /** The Account Console's password page and "Forgot password?", when the server's public address is known. */
    private Optional<Map<String, Object>> links() {
        String base = Optional.ofNullable(realm.getAttribute("frontendUrl")).filter(u -> !u.isBlank())
                .orElse(publicUrl);
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        String realmUrl = base.replaceAll("/+$", "") + "/realms/" + realm.getName();
        return Optional.of(Map.of(
                "ssprAccountUrl", realmUrl + "/account/account-security/signing-in",
                "ssprResetUrl", realmUrl + "/login-actions/reset-credentials?client_id=account-console"));
    }
}
