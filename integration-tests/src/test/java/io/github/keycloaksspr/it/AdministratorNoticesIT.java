package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * "All admins are emailed when an admin resets" reaches administrators however they hold the role: through a
 * subgroup of the policy's admin group, a subgroup of a group that has a realm-management role, or a composite realm
 * role (a "help desk" role) — the ways real realms grant it.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AdministratorNoticesIT {

    static final String REALM = "sspr-admin-notices";
    static final String DOMAIN = "@admins.example";
    static final String ADA = "ada";
    static final String TIER_TWO = "tess";
    static final String NIGHT_SHIFT = "nick";
    static final String HELP_DESK = "hank";
    static final String NOBODY = "norm";
    static final String SUBJECT = "Administrator " + ADA + " reset their password";

    @InjectRealm(config = NoticesRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void everyAdministratorIsToldHoweverTheyHoldTheRole() throws Exception {
        Inbox inbox = new Inbox(mailServer);
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney ada = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(ADA).selectMethod("sspr-sms");
            ada.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body()))
                    .selectMethod("sspr-email");
            ada.enterCode(Codes.in(MailContent.text(inbox.awaitMailTo(ADA + ".home" + DOMAIN, 1).get(0))));
            ada.setNewPassword("Brand-new-Passw0rd!");
            assertThat(ada.signedIn()).as(ada.html()).isTrue();
        }
        for (String admin : List.of(TIER_TWO, NIGHT_SHIFT, HELP_DESK)) {
            assertThat(MailContent.text(inbox.awaitMailWithSubject(admin + DOMAIN, SUBJECT)))
                    .contains("The administrator account " + ADA);
        }
        assertThat(inbox.mailsTo(NOBODY + DOMAIN)).isEmpty();
        assertThat(inbox.mailsTo(ADA + DOMAIN)).extracting(m -> m.getSubject()).doesNotContain(SUBJECT);
    }

    public static final class NoticesRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1",
                            "sspr.admin.group", "/sspr-admins",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                        rep.setGroups(List.of(group("sspr-admins", null, group("tier-2", null)),
                                group("ops", Map.of("realm-management", List.of("view-users")),
                                        group("night", null))));
                        RoleRepresentation helpDesk = new RoleRepresentation("help-desk", "resets passwords", false);
                        helpDesk.setComposite(true);
                        RoleRepresentation.Composites composites = new RoleRepresentation.Composites();
                        composites.setClient(Map.of("realm-management", List.of("manage-users")));
                        helpDesk.setComposites(composites);
                        RolesRepresentation roles = rep.getRoles() == null ? new RolesRepresentation() : rep.getRoles();
                        List<RoleRepresentation> realmRoles = new ArrayList<>(
                                roles.getRealm() == null ? List.of() : roles.getRealm());
                        realmRoles.add(helpDesk);
                        roles.setRealm(realmRoles);
                        rep.setRoles(roles);
                    })
                    .users(user(ADA, "+4917000000201").clientRoles("realm-management", "manage-users"),
                            user(TIER_TWO, "+4917000000202").groups("/sspr-admins/tier-2"),
                            user(NIGHT_SHIFT, "+4917000000203").groups("/ops/night"),
                            user(HELP_DESK, "+4917000000204").realmRoles("help-desk"),
                            user(NOBODY, "+4917000000205"));
        }

        private static GroupRepresentation group(String name, Map<String, List<String>> clientRoles,
                                                 GroupRepresentation... subGroups) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(name);
            group.setClientRoles(clientRoles);
            group.setSubGroups(List.of(subGroups));
            return group;
        }

        private static UserBuilder user(String username, String phone) {
            return UserBuilder.create(username).email(username + DOMAIN).emailVerified(true)
                    .name(username.substring(0, 1).toUpperCase() + username.substring(1), "Example")
                    .password("Current-Passw0rd!").enabled(true)
                    .credential(SeededCredentials.mobilePhone(phone))
                    .credential(SeededCredentials.alternateEmail(username + ".home" + DOMAIN))
                    .attribute("sspr.confirmedAt", Long.toString(Instant.now().getEpochSecond()));
        }
    }
}
