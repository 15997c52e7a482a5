package io.github.keycloaksspr.testsinks;

/** An error answer in Twilio's shape: HTTP status, Twilio error code and text. */
record TwilioError(int status, int code, String message) {

    static final TwilioError AUTHENTICATE = new TwilioError(401, 20003, "Authenticate");
    static final TwilioError NOT_FOUND = new TwilioError(404, 20404, "The requested resource was not found");
    static final TwilioError METHOD_NOT_ALLOWED = new TwilioError(405, 20004, "Method not allowed");

    /** Twilio's usual error code for a status, so clients see realistic answers. */
    static TwilioError forStatus(int status) {
        return switch (status) {
            case 400 -> new TwilioError(400, 21211, "Invalid 'To' Phone Number");
            case 401 -> AUTHENTICATE;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 429 -> new TwilioError(429, 20429, "Too Many Requests");
            case 503 -> new TwilioError(503, 20503, "Service Unavailable");
            default -> new TwilioError(status, status >= 500 ? 20500 : 20001, "Stand-in failure " + status);
        };
    }

    String json() {
        return TwilioJson.error(status, code, message);
    }
}
