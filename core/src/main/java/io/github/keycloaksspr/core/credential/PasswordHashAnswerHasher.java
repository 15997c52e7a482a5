package io.github.keycloaksspr.core.credential;

import java.util.Objects;

import org.jboss.logging.Logger;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;

/**
 * Hashes answers exactly like Keycloak hashes passwords: with the realm password policy's hash
 * algorithm if it names one, else the server's default provider ({@code argon2}, or
 * {@code pbkdf2-sha512} in FIPS mode). Answers are short and guessable, so they deserve the slow,
 * salted hash that passwords get, and an admin's choice of algorithm applies to both. Each stored
 * answer records its algorithm, so changing the policy later does not break verification.
 */
public final class PasswordHashAnswerHasher implements AnswerHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHashAnswerHasher.class);

    /** Tells the provider to use its own default iteration count. */
    private static final int PROVIDER_DEFAULT_ITERATIONS = -1;

    private final KeycloakSession session;

    public PasswordHashAnswerHasher(KeycloakSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public HashedAnswer hash(String normalizedAnswer) {
        PasswordPolicy policy = realmPolicy();
        int iterations = policy == null ? PROVIDER_DEFAULT_ITERATIONS : policy.getHashIterations();
        return HashedAnswer.of(hashProvider(policy).encodedCredential(normalizedAnswer, iterations));
    }

    @Override
    public boolean verify(String normalizedAnswer, HashedAnswer stored) {
        PasswordHashProvider provider = session.getProvider(PasswordHashProvider.class, stored.algorithm());
        if (provider == null) {
            // E.g. argon2 answers on a node switched to FIPS mode: the user can still use other methods.
            LOG.warnf("password hash provider '%s' of a stored security answer is not available", stored.algorithm());
            return false;
        }
        return provider.verify(normalizedAnswer, stored.toPasswordCredentialModel());
    }

    private PasswordPolicy realmPolicy() {
        RealmModel realm = session.getContext().getRealm();
        return realm == null ? null : realm.getPasswordPolicy();
    }

    // The same choice as Keycloak's PasswordCredentialProvider.getHashProvider.
    private PasswordHashProvider hashProvider(PasswordPolicy policy) {
        if (policy != null && policy.getHashAlgorithm() != null) {
            PasswordHashProvider configured = session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm());
            if (configured != null) {
                return configured;
            }
            LOG.warnf("password policy names hash algorithm '%s', which is not available; using the server default",
                    policy.getHashAlgorithm());
        }
        PasswordHashProvider serverDefault = session.getProvider(PasswordHashProvider.class);
        if (serverDefault == null) {
            throw new IllegalStateException("no password hash provider available");
        }
        return serverDefault;
    }
}
