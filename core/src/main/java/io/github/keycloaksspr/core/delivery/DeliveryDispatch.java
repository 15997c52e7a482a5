package io.github.keycloaksspr.core.delivery;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Codes leave after the request: once its transaction has committed, each {@link Transmission} runs on Keycloak's
 * managed executor {@value #EXECUTOR} in a session of its own, so that no page waits for an SMTP server or the phone
 * gateway. A refused send is never retried: it marks the code undelivered (the next page of the method says so and
 * the flow's event records {@code delivery_failed}) and marks the channel failing for a while.
 * <p>
 * A stand-in's code takes the same path with a channel that sends nothing and fails exactly while the real channel
 * is marked failing, so that an outage does not tell registered accounts from other names either.
 */
public final class DeliveryDispatch {

    static final String EXECUTOR = "sspr-delivery";
    /** How long a refused send marks its channel failing (a successful send clears the mark at once). */
    static final long CHANNEL_MARK_SECONDS = 300;

    private static final Logger LOG = Logger.getLogger(DeliveryDispatch.class);

    /**
     * One code on its way.
     *
     * @param channel      the delivery's channel ({@link CodeDelivery#channel()})
     * @param codeId       the code's id, which the undelivered mark names
     * @param expiresAt    when the code expires (epoch ms, Keycloak's clock): a code still queued then is not sent
     * @param markSeconds  how long the undelivered mark lasts: as long as the code
     * @param transmission the composed message; never run for a stand-in
     * @param standIn      whether it is a stand-in's: then nothing is sent
     * @param contact      the registered contact it goes to, whose health the outcome tells; null for none
     */
    public record Dispatch(String channel, String codeId, long expiresAt, long markSeconds, Transmission transmission,
                           boolean standIn, Contact contact) {

        /** A stand-in's dispatch: its made-up destination may well be a real stranger's, so no message is kept. */
        public Dispatch {
            if (standIn) {
                transmission = NOTHING;
                contact = null;
            }
        }
    }

    /** A user's registered contact: the credential type and the number or address the send goes to. */
    public record Contact(String userId, String credentialType, String destination) {
    }

    private static final Transmission NOTHING = (session, realm) -> {
    };

    private DeliveryDispatch() {
    }

    /** Sends {@code dispatch} after this request's transaction has committed; nothing if it rolls back. */
    public static void afterCommit(KeycloakSession session, RealmModel realm, Dispatch dispatch) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        // One executor per channel: a hanging mail server does not hold up texts, nor the other way round.
        String queue = EXECUTOR + "-" + dispatch.channel();
        SsprMetrics.backgroundQueued(queue, 1);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(queue);
                    executor.execute(() -> {
                        try {
                            KeycloakModelUtils.runJobInTransaction(factory,
                                    background -> transmit(background, realmId, dispatch));
                        } finally {
                            SsprMetrics.backgroundDone(queue, 1);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    LOG.warnf("SSPR: the %s executor refused a %s code (server shutting down or overloaded)",
                            EXECUTOR, dispatch.channel());
                    markUndelivered(ClusterSlots.of(session), dispatch);
                    SsprMetrics.backgroundDone(queue, 1);
                }
            }

            @Override
            protected void rollbackImpl() {
                SsprMetrics.backgroundDone(queue, 1);
            }
        });
    }

    /** Whether the code {@code codeId} could not be handed over. */
    public static boolean undelivered(KeycloakSession session, String codeId) {
        return ClusterSlots.of(session).isClaimed(undeliveredKey(codeId));
    }

    private static void transmit(KeycloakSession session, String realmId, Dispatch dispatch) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        ClusterSlots slots = ClusterSlots.of(session);
        String channelMark = channelKey(realmId, dispatch.channel());
        if (Time.currentTimeMillis() >= dispatch.expiresAt()) {
            // Queued behind slow sends until the code was dead: sending it now would only mislead.
            LOG.warnf("SSPR: a %s code in realm %s expired before it could be sent", dispatch.channel(), realm.getName());
            markUndelivered(slots, dispatch);
            return;
        }
        try {
            if (dispatch.standIn()) {
                if (slots.isClaimed(channelMark)) {
                    throw new ChannelFailing();
                }
                return;
            }
            dispatch.transmission().transmit(session, realm);
            slots.release(channelMark);
            contactHealth(session, realm, dispatch, Optional.empty());
        } catch (Exception e) {
            markUndelivered(slots, dispatch);
            if (!dispatch.standIn()) {
                contactHealth(session, realm, dispatch, PermanentRefusal.of(e));
                LOG.warnf("SSPR: could not send a %s code in realm %s: %s", dispatch.channel(), realm.getName(),
                        loggable(e));
                SsprMetrics.deliveryFailure(realm.getName(), dispatch.channel());
                if (channelWide(e)) {
                    slots.claim(channelMark, CHANNEL_MARK_SECONDS);
                }
            }
        }
    }

    /** A send to a registered contact that went through clears its mark; a permanent refusal marks it. */
    private static void contactHealth(KeycloakSession session, RealmModel realm, Dispatch dispatch,
                                      Optional<String> refusal) {
        Contact contact = dispatch.contact();
        UserModel user = contact == null || dispatch.standIn() ? null
                : session.users().getUserById(realm, contact.userId());
        if (user == null) {
            return;
        }
        if (refusal.isPresent()) {
            ContactHealth.markUnreachable(user, contact.credentialType(), contact.destination(), refusal.get(),
                    Time.currentTimeMillis());
        } else {
            ContactHealth.markReachable(user, contact.credentialType(), contact.destination(),
                    reason -> PermanentRefusal.disprovedBy(dispatch.channel(), reason));
        }
    }

    private static void markUndelivered(ClusterSlots slots, Dispatch dispatch) {
        slots.claim(undeliveredKey(dispatch.codeId()), Math.max(1, dispatch.markSeconds()));
    }

    private static String undeliveredKey(String codeId) {
        return "sspr:code:" + codeId + ":undelivered";
    }

    private static String channelKey(String realmId, String channel) {
        return "sspr:channel:" + realmId + ":" + channel + ":failing";
    }

    /**
     * What a failed send may say in the log: the phone gateway's own message (written without number, text or
     * token), otherwise only the exception types, since a mail server's answer can quote the recipient's address.
     */
    private static String loggable(Exception e) {
        if (e instanceof PhoneDeliveryException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getName() : e.getClass().getName() + " caused by " + root.getClass().getName();
    }

    /**
     * Whether a failure says the channel is down (no connection, timeout, server error, refused credentials) rather
     * than that one destination was refused (an invalid or unsubscribed number, a mailbox the server rejects): only
     * the former marks the channel, so that nobody can mark it by making sends to their own number fail.
     */
    private static boolean channelWide(Exception e) {
        if (e instanceof PhoneDeliveryException phone) {
            return switch (phone.reason()) {
                case TIMEOUT, UNREACHABLE, PROVIDER_ERROR -> true;
                case RATE_LIMITED -> false;
                case REJECTED -> phone.httpStatus().orElse(0) == 401 || phone.httpStatus().orElse(0) == 403;
            };
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Jakarta Mail's refusal of recipients; named, not imported: the pack does not compile against the API.
            if (cause.getClass().getName().endsWith(".SendFailedException")) {
                return false;
            }
        }
        return true;
    }

    /** The stand-in's channel while the real one is marked failing. */
    private static final class ChannelFailing extends Exception {
        ChannelFailing() {
            super(null, null, false, false);
        }
    }
}
