package io.github.keycloaksspr.core.decoy;

import io.github.keycloaksspr.core.credential.AnswerHasher;
import io.github.keycloaksspr.core.credential.HashedAnswer;
import io.github.keycloaksspr.core.credential.PasswordHashAnswerHasher;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * How an account's security answers are checked. A real account's with Keycloak's password hashing; a stand-in's by
 * hashing the typed answer with the realm's settings and refusing it: the same work per answer, as Keycloak's own
 * username form does for unknown users ({@code AbstractUsernameFormAuthenticator.dummyHash}).
 */
public final class StandInAnswers {

    private StandInAnswers() {
    }

    public static AnswerHasher hasherFor(KeycloakSession session, UserModel user) {
        PasswordHashAnswerHasher hashing = new PasswordHashAnswerHasher(session);
        return StandInUser.isStandIn(user) ? new EqualWork(hashing) : hashing;
    }

    private record EqualWork(PasswordHashAnswerHasher hashing) implements AnswerHasher {

        @Override
        public HashedAnswer hash(String normalizedAnswer) {
            return hashing.hash(normalizedAnswer);
        }

        @Override
        public boolean verify(String normalizedAnswer, HashedAnswer stored) {
            hashing.hash(normalizedAnswer);
            return false;
        }
    }
}
