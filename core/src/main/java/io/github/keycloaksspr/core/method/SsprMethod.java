package io.github.keycloaksspr.core.method;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.decoy.StandIn;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * One way to prove identity during a reset: a code to an alternate email, an SMS, an authenticator app, security
 * questions... Implementations are stateless; the flow's state lives in the authentication session.
 */
public interface SsprMethod extends Provider {

    /** The provider id, e.g. {@code sspr-sms}. */
    String id();

    /** What is proven: two methods with the same factor count once. */
    Factor factor();

    /** What is proven for this user: a method may reach what another one already does (an office phone that is
     * the mobile phone), and then proves nothing more. */
    default Factor factorFor(MethodContext context, UserModel user) {
        return factor();
    }

    /** Whether administrators may use it (questions are too weak for them, as in Entra). */
    boolean allowedForAdmins();

    /** Whether the user has what the method needs (a registered phone, an alternate email, an OTP credential...). */
    boolean isRegistered(MethodContext context, UserModel user);

    /**
     * What in the database registers the method, for reports computed in SQL. It is what {@link #isRegistered}
     * looks at, without the checks only Java can make (a number's format, the number of questions).
     */
    RegistrationEvidence evidence();

    /** Whether the server can run the method at all (e.g. a phone gateway is configured). */
    default boolean isAvailable(MethodContext context) {
        return true;
    }

    /**
     * Why the method cannot reach the user now: its contact was marked unreachable by a permanent refusal
     * ({@code invalid_number}…); empty when it can. A stand-in's fabricated contacts carry marks as often as the
     * realm's, so the list shows them alike.
     */
    default Optional<String> unreachable(MethodContext context, UserModel user) {
        return Optional.empty();
    }

    /** What the user sees in the method list, e.g. {@code +49 ••• •• 78}; never the full value. */
    String maskedHint(MethodContext context, UserModel user);

    /** Starts the challenge (sends a code, picks questions) unless one is live, and describes the answer page. */
    MethodChallenge challenge(MethodContext context, UserModel user);

    /**
     * Gives a stand-in account (the account a name that cannot reset is shown as) what this method needs, made up
     * from the stand-in's seed: a decoy run then walks this method's pages exactly as a registered user does.
     */
    void furnish(MethodContext context, StandIn standIn);

    /** Checks the user's answer. */
    MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form);

    @Override
    default void close() {
    }
}
