package io.github.keycloaksspr.core.decoy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.policy.PhoneRules;

/**
 * Phone numbers and addresses for stand-in accounts: of the shape a registered user of the realm has (a mobile
 * number of a country the policy reaches, a personal mail address), drawn from the stand-in's seed. They are shown
 * masked only and never receive anything.
 */
final class FabricatedContacts {

    /**
     * Where most personal (alternate) addresses are, the big services more often; a quarter at domains a masked
     * address never shows ({@link Masking#SHOWN_MAIL_DOMAINS}), as company and small providers' addresses are.
     */
    private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "gmail.com", "gmail.com", "gmail.com",
            "outlook.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "gmx.de", "web.de", "proton.me",
            "posteo.de", "mailbox.org", "fastmail.com", "zoho.com");
    /** Regions for a realm that reaches every country and names none. */
    private static final List<String> OPEN_REGIONS = List.of("US", "GB", "DE", "FR", "IN", "ES", "IT", "NL", "BR",
            "CA", "AU", "PL");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String LETTERS_AND_DIGITS = LETTERS + LETTERS + "0123456789";
    private static final int DRAWS = 32;

    private FabricatedContacts() {
    }

    /** An E.164 number of a person (mobile where the plan has them) in a region the rules reach. */
    static String phoneNumber(PhoneRules rules, StandInSeed seed) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String region = region(rules, seed, util);
        PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        if (example == null) {
            example = util.getExampleNumber(region);
        }
        String national = util.getNationalSignificantNumber(example);
        int kept = Math.max(1, national.length() - 6);
        for (int i = 0; i < DRAWS; i++) {
            PhoneNumber candidate = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(Long.parseLong(national.substring(0, kept)
                            + seed.text("0123456789", national.length() - kept)));
            if (util.isValidNumber(candidate) && util.getNumberType(candidate) == util.getNumberType(example)) {
                return util.format(candidate, PhoneNumberFormat.E164);
            }
        }
        return util.format(example, PhoneNumberFormat.E164);
    }

    /** A personal address: what its hint shows (first letter, domain) is drawn like the rest. */
    static String mailAddress(StandInSeed seed) {
        // One separator at most, never doubled or at an end: what mail servers and the pack's own check accept.
        String local = seed.text(LETTERS, 1) + seed.text(LETTERS_AND_DIGITS, 2 + seed.below(6));
        if (seed.chance(40)) {
            local += seed.pick(List.of(".", "_", "-")) + seed.text(LETTERS, 2 + seed.below(6));
        }
        return local + "@" + seed.pick(MAIL_DOMAINS);
    }

    private static String region(PhoneRules rules, StandInSeed seed, PhoneNumberUtil util) {
        if (rules.defaultRegion().isPresent()
                && rules.reaches(util.getCountryCodeForRegion(rules.defaultRegion().get()))) {
            return rules.defaultRegion().get();
        }
        Set<Integer> codes = rules.allowedCallingCodes();
        if (codes.isEmpty()) {
            return seed.pick(OPEN_REGIONS);
        }
        List<String> regions = new ArrayList<>();
        codes.stream().sorted().map(util::getRegionCodeForCountryCode).filter(r -> !"ZZ".equals(r))
                .forEach(regions::add);
        return regions.isEmpty() ? seed.pick(OPEN_REGIONS) : seed.pick(regions);
    }
}
