package io.github.keycloaksspr.core.phone;

import java.util.Optional;

/**
 * What the pack makes of a phone number: its E.164 form, or why it is not texted or called.
 *
 * @param e164    the number in E.164 form when it may be used
 * @param refusal why not, otherwise
 */
public record PhoneCheck(Optional<String> e164, Optional<Refusal> refusal) {

    /** Why a number is not used; each has a message key for the person typing it and a reason for events. */
    public enum Refusal {
        /** Not a phone number at all, or not one of its country's plan. */
        INVALID("ssprRegisterPhoneInvalid", "phone_invalid"),
        /** A national number ("0151 …") and no default region to read it with. */
        NATIONAL_WITHOUT_REGION("ssprRegisterPhoneNational", "phone_national_without_region"),
        /** Premium rate, shared cost, personal, pager or unknown kind: toll-fraud targets, never texted or called. */
        KIND_NOT_ALLOWED("ssprPhoneKindNotAllowed", "phone_kind_not_allowed"),
        /** A country outside the policy's allow-list. */
        COUNTRY_NOT_ALLOWED("ssprPhoneCountryNotAllowed", "phone_country_not_allowed");

        private final String messageKey;
        private final String reason;

        Refusal(String messageKey, String reason) {
            this.messageKey = messageKey;
            this.reason = reason;
        }

        public String messageKey() {
            return messageKey;
        }

        public String reason() {
            return reason;
        }
    }

    static PhoneCheck accepted(String e164) {
        return new PhoneCheck(Optional.of(e164), Optional.empty());
    }

    static PhoneCheck refused(Refusal refusal) {
        return new PhoneCheck(Optional.empty(), Optional.of(refusal));
    }

    public boolean accepted() {
        return e164.isPresent();
    }
}
