package io.github.keycloaksspr.core.events;

/**
 * What the help desk records, shared by its producers (the agent's API, the passes' use and expiry) and the audit
 * trail. An agent's action is an admin event of resource type {@value #RESOURCE} on {@code users/<id>} with the
 * action in {@link SsprEvents#ACTION}; a pass used or expired is a user event ({@code UPDATE_CREDENTIAL} /
 * {@code REMOVE_CREDENTIAL} of the pass credential) naming the agent who issued it in {@value #AGENT}.
 */
public final class HelpDeskEvents {

    /** The admin events' resource type of the help desk. */
    public static final String RESOURCE = "SSPR_HELPDESK";
    /** The agent an event is about (the pass's issuer). */
    public static final String AGENT = "sspr_agent";
    /** The verification's state after the agent's step ({@code choose}, {@code answer}, {@code verified}...). */
    public static final String STATE = "sspr_state";
    public static final String ERROR = "sspr_error";
    /** Which ceiling stopped an action ({@link Ceiling#id()}). */
    public static final String CEILING = "sspr_ceiling";

    public static final String LOOKUP = "lookup";
    public static final String VERIFICATION = "verification";
    public static final String PASS_ISSUED = "temporary-access-pass";
    public static final String UNLOCK = "unlock";
    public static final String REMOVE_METHOD = "remove-method";
    public static final String REQUIRE_REGISTRATION = "require-registration";
    public static final String PASS_USED = "pass-used";
    public static final String PASS_EXPIRED = "pass-expired";
    /** The verification state of a caller proven. */
    public static final String VERIFIED = "verified";

    /** The help desk's hourly ceilings (policy {@code sspr.helpdesk.*}): what reached one shows in audit and page. */
    public enum Ceiling {
        AGENT_CODES, REALM_CODES, AGENT_PASSES, REALM_PASSES;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The page's message and the API's error: {@code sspr_helpdesk_ceiling_agent_codes}... */
        public String error() {
            return "sspr_helpdesk_ceiling_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private HelpDeskEvents() {
    }
}
