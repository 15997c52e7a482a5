package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.PHONE_COUNTRIES;
import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.PHONE_REGION;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Which phone numbers the pack texts and calls, against toll fraud (SMS pumping to premium numbers abroad): numbers
 * are read with the default region (national numbers), only the allowed countries are reached, and the realm's phone
 * sends per window have a ceiling.
 *
 * @param defaultRegion        ISO 3166 region of national numbers ("0151 …"), or empty: then only international
 *                             numbers are accepted
 * @param allowedCallingCodes  country calling codes reached; empty means the default region's only, or every
 *                             country when there is no default region
 * @param sendsPerRealm        SMS and calls of the whole realm per send-budget window
 */
public record PhoneRules(Optional<String> defaultRegion, Set<Integer> allowedCallingCodes, int sendsPerRealm) {

    public static final int MAX_SENDS_PER_REALM = 100_000;
    public static final PhoneRules DEFAULTS = new PhoneRules(Optional.empty(), Set.of(),
            PolicySettings.PHONE_SENDS_PER_REALM_SETTING.defaultValue());

    public PhoneRules {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        defaultRegion = defaultRegion.map(r -> r.strip().toUpperCase(Locale.ROOT)).filter(r -> !r.isEmpty());
        if (defaultRegion.isPresent() && !util.getSupportedRegions().contains(defaultRegion.get())) {
            throw new InvalidPolicyException(PHONE_REGION, "not a region with a phone numbering plan");
        }
        allowedCallingCodes = Set.copyOf(new TreeSet<>(allowedCallingCodes));
        for (int code : allowedCallingCodes) {
            if (!util.getSupportedCallingCodes().contains(code)) {
                throw new InvalidPolicyException(PHONE_COUNTRIES, "not a country calling code: " + code);
            }
        }
        PolicySettings.PHONE_SENDS_PER_REALM_SETTING.check(sendsPerRealm);
    }

    /** Whether numbers of {@code callingCode} may be texted or called. */
    public boolean reaches(int callingCode) {
        if (!allowedCallingCodes.isEmpty()) {
            return allowedCallingCodes.contains(callingCode);
        }
        return defaultRegion.map(r -> PhoneNumberUtil.getInstance().getCountryCodeForRegion(r) == callingCode)
                .orElse(true);
    }

    static PhoneRules read(ConfigReader read) {
        Set<Integer> codes = new TreeSet<>();
        for (String code : PolicySettings.PHONE_COUNTRIES_SETTING.read(read)) {
            try {
                codes.add(Integer.parseInt(code.strip().replaceFirst("^\\+", "")));
            } catch (NumberFormatException e) {
                throw new InvalidPolicyException(PHONE_COUNTRIES, "not a country calling code");
            }
        }
        return new PhoneRules(Optional.ofNullable(PolicySettings.PHONE_REGION_SETTING.read(read)), codes,
                PolicySettings.PHONE_SENDS_PER_REALM_SETTING.read(read));
    }
}
