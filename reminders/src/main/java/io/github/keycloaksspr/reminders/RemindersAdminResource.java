package io.github.keycloaksspr.reminders;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/sspr-reminders}: runs the realm's reminders now (what the daily run would send at this
 * moment, nothing twice), for an administrator who manages the realm.
 */
public final class RemindersAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final String publicUrl;

    RemindersAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                           String publicUrl) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.publicUrl = publicUrl;
    }

    @POST
    @Path("run")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> run() {
        auth.realm().requireManageRealm();
        return Map.of("reminded", new RealmReminders(session, realm, publicUrl).run(Time.currentTimeMillis()));
    }
}
