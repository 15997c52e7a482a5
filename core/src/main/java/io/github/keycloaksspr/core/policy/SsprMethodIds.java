package io.github.keycloaksspr.core.policy;

import java.util.List;

/** Ids of the verification methods (providers of the {@code sspr-method} SPI). Fixed: realm JSON refers to them. */
public final class SsprMethodIds {

    public static final String EMAIL = "sspr-email";
    public static final String SMS = "sspr-sms";
    public static final String VOICE = "sspr-voice";
    public static final String OFFICE_PHONE = "sspr-office-phone";
    public static final String TOTP = "sspr-totp";
    public static final String PASSKEY = "sspr-passkey";
    public static final String QUESTIONS = "sspr-questions";

    public static final List<String> ALL = List.of(EMAIL, SMS, VOICE, OFFICE_PHONE, TOTP, PASSKEY, QUESTIONS);

    private SsprMethodIds() {
    }
}
