package io.github.keycloaksspr.core.notice;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

import io.github.keycloaksspr.core.budget.SendBudget;
import io.github.keycloaksspr.core.budget.SendBudgets;
import io.github.keycloaksspr.core.budget.SendFamily;
import io.github.keycloaksspr.core.budget.SendLimits;
import io.github.keycloaksspr.core.budget.SendRequest;
import io.github.keycloaksspr.core.credential.ContactSnapshot;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.delivery.ThemeMessages;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.state.KnownContact;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells a user that their security info changed, at every contact registered before the change, so that whoever
 * did not make it learns of it: a mail to the account address and to every alternate address (the removed one
 * included, and a new one too), and a text to every mobile number registered before. The notice names what changed,
 * when and from where, and what to do if it was not them.
 */
public final class SecurityInfoNotices {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    /** All security info was gone and someone who proved the account address registers it anew. */
    public static final String REGISTERING_AGAIN = "registeringAgain";
    /** Notice texts per user and window: enough for a user with several phones, too few to pump. */
    static final int NOTICE_TEXTS_PER_USER = 5;

    private static final Map<String, String> METHOD_KEYS = Map.of(
            SsprCredentialTypes.MOBILE_PHONE, "ssprRegisterFactorPhone",
            SsprCredentialTypes.ALTERNATE_EMAIL, "ssprRegisterFactorEmail",
            SsprCredentialTypes.SECURITY_QUESTIONS, "ssprRegisterFactorQuestions",
            "otp", "ssprRegisterFactorAuthenticatorApp",
            "webauthn", "ssprRegisterFactorPasskey",
            "webauthn-passwordless", "ssprRegisterFactorPasskey");

    private SecurityInfoNotices() {
    }

    /**
     * Queues the notices of one change; call {@link ContactSnapshot#remember} before the change is made.
     *
     * @param change         {@link #ADDED} or {@link #REMOVED}
     * @param credentialType what was added or removed
     * @param clientIp       where the change came from
     * @param time           epoch ms of the change
     */
    public static void queue(KeycloakSession session, RealmModel realm, UserModel user, String change,
                             String credentialType, String clientIp, long time, SsprPolicy policy,
                             NoticeOutbox outbox) {
        Set<String> addresses = new LinkedHashSet<>(NoticeAddresses.of(user));
        // The addresses before the change too: a removed address is told of its removal.
        addresses.addAll(ContactSnapshot.before(session, user.getId()));
        send(session, realm, user, change, METHOD_KEYS.getOrDefault(credentialType, "ssprRegisterFactorPhone"),
                addresses, ContactSnapshot.phonesBefore(session, user.getId()), clientIp, time, policy, outbox);
    }

    /**
     * Tells a user whose security info was all gone that someone who proved the account address is registering it
     * anew: at the account address, the account addresses it had and every phone and alternate address it ever had.
     */
    public static void queueRegisteringAgain(KeycloakSession session, RealmModel realm, UserModel user,
                                             List<KnownContact> known, String clientIp, long time,
                                             SsprPolicy policy, NoticeOutbox outbox) {
        Set<String> addresses = new LinkedHashSet<>(NoticeAddresses.of(user));
        known.stream().filter(c -> c.kind() != KnownContact.Kind.PHONE).forEach(c -> addresses.add(c.value()));
        List<String> phones = known.stream().filter(c -> c.kind() == KnownContact.Kind.PHONE)
                .map(KnownContact::value).toList();
        send(session, realm, user, REGISTERING_AGAIN, "ssprRegisterFactorEmail", addresses, phones, clientIp, time,
                policy, outbox);
    }

    private static void send(KeycloakSession session, RealmModel realm, UserModel user, String change,
                             String methodKey, Set<String> addresses, Collection<String> phones, String clientIp,
                             long time, SsprPolicy policy, NoticeOutbox outbox) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("ssprUsername", user.getUsername());
        attributes.put("ssprIp", clientIp == null ? "-" : clientIp);
        attributes.put("ssprBrowser", browser(session));
        attributes.put("ssprChange", change);
        attributes.put("ssprMethodKey", methodKey);
        List<Object> subject = List.of(ThemeMessages.realmName(realm));
        addresses.forEach(address -> outbox.add(new Notice(realm.getId(), user.getId(), user.getUsername(),
                user.getId(), address, "ssprNoticeInfoSubject", subject, "sspr-security-info-notice.ftl", attributes,
                time)));
        for (String number : phones) {
            if (mayText(session, realm, user, number, clientIp, policy)) {
                outbox.add(new TextNotice(realm.getId(), user.getId(), number, "ssprNoticeInfoText",
                        List.of(ThemeMessages.realmName(realm), user.getUsername())));
            }
        }
    }

    /**
     * A notice text costs what a code does: the number must pass the phone rules, and the texts draw on budgets of
     * their own (one per number and window, a few per user) and on the realm's phone ceiling, so that changing
     * security info in a loop cannot become an SMS pump.
     */
    static boolean mayText(KeycloakSession session, RealmModel realm, UserModel user, String number,
                                   String clientIp, SsprPolicy policy) {
        if (!PhoneNumbers.check(number, policy.phone()).accepted()) {
            return false;
        }
        SendLimits limits = new SendLimits(1, NOTICE_TEXTS_PER_USER, SendBudget.MAX_LIMIT, policy.budgetWindow())
                .withRealmPhoneCeiling(policy.phone().sendsPerRealm());
        return SendBudgets.of(session, realm).tryConsume(new SendRequest(realm.getId(), user.getId(), clientIp, number,
                SendFamily.NOTICE), limits).allowed();
    }

    /**
     * The browser that made the request, as a short line: a header is text an attacker chose. Its dots are one-dot
     * leaders (they look the same), so that no mail program turns a host name or address in it into a link.
     */
    public static String browser(KeycloakSession session) {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        String agent = headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return "-";
        }
        String oneLine = agent.replaceAll("\\p{Cntrl}", " ").strip().replace('.', '\u2024');
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "\u2026" : oneLine;
    }
}
