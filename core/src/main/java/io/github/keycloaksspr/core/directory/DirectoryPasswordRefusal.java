package io.github.keycloaksspr.core.directory;

/**
 * Why the user's directory refused a new password, in words the user can act on.
 *
 * @param reason what the directory objected to
 * @param limit  the policy value the message names (minimum length, remembered passwords, minimum age in hours);
 *               0 when the reason has none
 * @param directoryError the directory's error codes for the event log (e.g. {@code 19/0000052D/data 0}), never its
 *               text; null when there was no answer
 */
public record DirectoryPasswordRefusal(Reason reason, long limit, String directoryError) {

    /** The reasons, each with the audit reason recorded and the message key shown. */
    public enum Reason {
        TOO_SHORT("ad_password_too_short", "ssprAdPasswordTooShort"),
        COMPLEXITY("ad_password_complexity", "ssprAdPasswordComplexity"),
        HISTORY("ad_password_history", "ssprAdPasswordHistory"),
        MINIMUM_AGE("ad_password_minimum_age", "ssprAdPasswordMinimumAge"),
        /** Refused by the directory's password rules for a reason its policy does not reveal. */
        REJECTED("ad_password_rejected", "ssprAdPasswordRejected"),
        /** The directory refused the write itself (rights, transport): a configuration problem, not the password. */
        WRITE_FAILED("directory_write_failed", "ssprDirectoryWriteFailed"),
        /** The directory took the write but did not answer in time: whether it was stored is unknown. */
        TIMED_OUT("directory_timeout", "ssprDirectoryTimeout"),
        /** The directory could not be reached: nothing was written. */
        UNAVAILABLE("directory_unavailable", "ssprDirectoryUnavailable");

        private final String auditReason;
        private final String messageKey;

        Reason(String auditReason, String messageKey) {
            this.auditReason = auditReason;
            this.messageKey = messageKey;
        }

        public String auditReason() {
            return auditReason;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public DirectoryPasswordRefusal(Reason reason, long limit) {
        this(reason, limit, null);
    }

    public static DirectoryPasswordRefusal of(Reason reason) {
        return new DirectoryPasswordRefusal(reason, 0);
    }

    public DirectoryPasswordRefusal withDirectoryError(String codes) {
        return new DirectoryPasswordRefusal(reason, limit, codes);
    }
}
