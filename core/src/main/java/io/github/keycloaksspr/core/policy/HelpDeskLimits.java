package io.github.keycloaksspr.core.policy;

/**
 * How much the help desk may send and issue per hour: per agent (a compromised or coerced agent account) and for the
 * whole realm (a help desk turned into a text-message pump). An agent's ceiling is charged before the realm's: one
 * agent who reaches theirs leaves the rest of the help desk working.
 *
 * @param codesPerAgent  verification codes one agent sends per hour
 * @param codesPerRealm  verification codes all agents of the realm send per hour
 * @param passesPerAgent Temporary Access Passes one agent issues per hour
 * @param passesPerRealm Temporary Access Passes all agents of the realm issue per hour
 */
public record HelpDeskLimits(int codesPerAgent, int codesPerRealm, int passesPerAgent, int passesPerRealm) {

    /** A per-agent ceiling is a handful of slots in the cluster cache; beyond this it is no ceiling. */
    public static final int MAX_PER_AGENT = 100;
    public static final int MAX_PER_REALM = 100_000;

    public static final HelpDeskLimits DEFAULTS = new HelpDeskLimits(
            PolicySettings.HELPDESK_CODES_PER_AGENT_SETTING.defaultValue(),
            PolicySettings.HELPDESK_CODES_PER_REALM_SETTING.defaultValue(),
            PolicySettings.HELPDESK_PASSES_PER_AGENT_SETTING.defaultValue(),
            PolicySettings.HELPDESK_PASSES_PER_REALM_SETTING.defaultValue());

    public HelpDeskLimits {
        PolicySettings.HELPDESK_CODES_PER_AGENT_SETTING.check(codesPerAgent);
        PolicySettings.HELPDESK_CODES_PER_REALM_SETTING.check(codesPerRealm);
        PolicySettings.HELPDESK_PASSES_PER_AGENT_SETTING.check(passesPerAgent);
        PolicySettings.HELPDESK_PASSES_PER_REALM_SETTING.check(passesPerRealm);
    }

    static HelpDeskLimits read(ConfigReader read) {
        return new HelpDeskLimits(PolicySettings.HELPDESK_CODES_PER_AGENT_SETTING.read(read),
                PolicySettings.HELPDESK_CODES_PER_REALM_SETTING.read(read),
                PolicySettings.HELPDESK_PASSES_PER_AGENT_SETTING.read(read),
                PolicySettings.HELPDESK_PASSES_PER_REALM_SETTING.read(read));
    }
}
