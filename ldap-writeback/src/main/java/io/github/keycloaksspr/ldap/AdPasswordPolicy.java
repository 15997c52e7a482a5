package io.github.keycloaksspr.ldap;

import java.time.Duration;

/**
 * The password rules AD applies to one user: the domain's, or a fine-grained password settings object (PSO) that
 * overrides them.
 *
 * @param minimumLength  {@code minPwdLength} / {@code msDS-MinimumPasswordLength}
 * @param complexity     "must meet complexity requirements"
 * @param historyLength  how many earlier passwords may not be reused
 * @param minimumAge     how long a password must be kept before the user may change it
 * @param source         the DN the rules were read from (domain or PSO), for logs
 */
record AdPasswordPolicy(int minimumLength, boolean complexity, int historyLength, Duration minimumAge,
                        String source) {
}
