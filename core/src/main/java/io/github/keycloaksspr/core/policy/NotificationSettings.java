package io.github.keycloaksspr.core.policy;

import java.util.Map;

/**
 * Who is told about resets, read from the reset policy's config (the {@code sspr-verify-identity} execution) so that
 * admins switch it where they configure the flow.
 *
 * @param notifyUser   mail the user (primary and alternate addresses) on every self-service reset and unlock
 * @param notifyAdmins mail every administrator when an administrator resets
 */
public record NotificationSettings(boolean notifyUser, boolean notifyAdmins) {

    public static final String NOTIFY_USER = "sspr.notify.user";
    public static final String NOTIFY_ADMINS = "sspr.notify.admins";

    public static final NotificationSettings DEFAULTS = new NotificationSettings(
            PolicySettings.NOTIFY_USER_SETTING.defaultValue(), PolicySettings.NOTIFY_ADMINS_SETTING.defaultValue());

    public static NotificationSettings from(Map<String, String> config) {
        ConfigReader read = new ConfigReader(config);
        return new NotificationSettings(PolicySettings.NOTIFY_USER_SETTING.read(read),
                PolicySettings.NOTIFY_ADMINS_SETTING.read(read));
    }
}
