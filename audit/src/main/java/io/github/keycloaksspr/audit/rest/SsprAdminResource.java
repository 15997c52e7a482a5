package io.github.keycloaksspr.audit.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.audit.coverage.ImpactPreview;
import io.github.keycloaksspr.audit.coverage.TooManyAdministratorsException;
import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditFilter;
import io.github.keycloaksspr.audit.trail.AuditTrail;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/sspr}: usage and insights and the audit trail of one realm (they need the realm's
 * {@code view-events} role; Keycloak has already checked the admin token; reads of the audit trail are recorded as
 * admin events), and the LDAP/AD writeback health (needs {@code view-realm}).
 */
public final class SsprAdminResource {

    static final int DEFAULT_MAX = 100;
    static final int MAX_MAX = 1000;
    /** The audit step of an administrator lifting a block. */
    static final String UNBLOCKED = "unblocked";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SsprAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                      AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Path("insights")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> insights(@QueryParam("from") String from, @QueryParam("to") String to) {
        auth.realm().requireViewEvents();
        TimeRange range = range(from, to);
        return coverage(() -> new Insights(session, session.getProvider(JpaConnectionProvider.class)
                .getEntityManager(), realm).report(range));
    }

    /**
     * What a reset-policy change would do before it is made. The query replaces today's settings: {@code methods}
     * (method ids, comma-separated), {@code required} (1 or 2), {@code scope} (NONE, GROUP, ALL), {@code group} (a
     * group path); what is absent stays as today. It names users and their methods without asking about each one, so
     * it needs {@code view-realm} and the {@code view-users} (or {@code manage-users}) role itself: fine-grained
     * permissions over some users are not enough. Each read is recorded as an admin event with the proposal.
     */
    @GET
    @Path("impact")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> impact(@QueryParam("methods") String methods, @QueryParam("required") String required,
                                      @QueryParam("scope") String scope, @QueryParam("group") String group,
                                      @QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        int offset = first == null ? 0 : first;
        int limit = max == null ? DEFAULT_MAX : max;
        requirePage(offset, limit);
        PolicyProposal proposal = new PolicyProposal(methods, required, scope, group);
        Map<String, Object> summary = coverage(() -> preview(proposal).summary(offset, limit));
        recordImpactRead(proposal, "json");
        return summary;
    }

    /** Everybody the change would leave unable to reset, with the methods they have: {@code id,username,methods}. */
    @GET
    @Path("impact")
    @Produces("text/csv")
    public Response impactCsv(@QueryParam("methods") String methods, @QueryParam("required") String required,
                              @QueryParam("scope") String scope, @QueryParam("group") String group) {
        PolicyProposal proposal = new PolicyProposal(methods, required, scope, group);
        String csv = ImpactCsv.of(coverage(() -> preview(proposal).allLosingUsers()));
        recordImpactRead(proposal, "csv");
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sspr-impact-" + realm.getName() + ".csv\"")
                .build();
    }

    private ImpactPreview preview(PolicyProposal proposal) {
        auth.realm().requireViewRealm();
        if (!auth.hasOneAdminRole(AdminRoles.VIEW_USERS, AdminRoles.MANAGE_USERS)) {
            throw new ForbiddenException();
        }
        SsprPolicy today = ResetPolicyResolver.forRealm(realm, "no impact can be previewed").orElseThrow(() ->
                ErrorResponse.error("the reset policy of this realm is invalid; the server log names the setting",
                        Response.Status.CONFLICT));
        return ImpactPreview.of(session, session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm,
                today, proposal.apply(session, realm));
    }

    private void recordImpactRead(PolicyProposal proposal, String format) {
        adminEvent.operation(OperationType.ACTION).resource(ResourceType.REALM)
                .resourcePath(session.getContext().getUri())
                .detail(SsprEvents.METHODS, String.valueOf(proposal.methods()))
                .detail(SsprEvents.REQUIRED, String.valueOf(proposal.required()))
                .detail(SsprEvents.SCOPE, String.valueOf(proposal.scope()))
                .detail(SsprEvents.GROUP, String.valueOf(proposal.group()))
                .detail(SsprEvents.FORMAT, format).success();
    }

    /** A report over the realm's users, refused with 409 where administrators are not a few people. */
    static <T> T coverage(Supplier<T> report) {
        try {
            return report.get();
        } catch (TooManyAdministratorsException e) {
            throw ErrorResponse.error(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    /**
     * The registered contacts a permanent refusal marked unreachable, a page by username (JSON) or all (CSV), for the
     * help desk to call their owners: who, which kind, why, since when; never the number or the address. Needs
     * {@code view-users}, as it names users.
     */
    @GET
    @Path("unreachable-contacts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> unreachableContacts(@QueryParam("first") Integer first,
                                                         @QueryParam("max") Integer max) {
        auth.users().requireView();
        int offset = first == null ? 0 : first;
        int limit = max == null ? DEFAULT_MAX : max;
        requirePage(offset, limit);
        return unreachable().list(offset, limit).stream().map(UnreachableContacts::json).toList();
    }

    @GET
    @Path("unreachable-contacts")
    @Produces("text/csv")
    public Response unreachableContactsCsv() {
        auth.users().requireView();
        return Response.ok(UnreachableContacts.csv(unreachable().list(0, Integer.MAX_VALUE)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sspr-unreachable-" + realm.getName() + ".csv\"")
                .build();
    }

    private UnreachableContacts unreachable() {
        return new UnreachableContacts(session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm);
    }

    /** Whether SSPR resets reach the realm's LDAP/AD providers; needs {@code view-realm} (it shows configuration). */
    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> health() {
        auth.realm().requireViewRealm();
        DirectoryAccounts directories = session.getProvider(DirectoryAccounts.class);
        return directories == null ? DirectoryAccounts.withoutDirectories(realm) : directories.writebackHealth(realm);
    }

    /** Whether a user is blocked from self-service reset now; needs the right to view the user. */
    @GET
    @Path("blocks/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> block(@PathParam("userId") String userId) {
        UserModel user = user(userId);
        auth.users().requireView(user);
        return Map.of("userId", user.getId(), "blocked", ledger().isBlocked(LedgerSubject.account(user.getId())));
    }

    /**
     * Lifts a user's block from self-service reset (help desk): the wrong answers of the current window are
     * forgotten. Needs the right to manage the user; recorded as an admin event and in the audit trail.
     */
    @DELETE
    @Path("blocks/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> unblock(@PathParam("userId") String userId) {
        UserModel user = user(userId);
        auth.users().requireManage(user);
        boolean wasBlocked = ledger().unblock(LedgerSubject.account(user.getId()));
        new AuditTrail(session).record(new AuditEntry(realm.getId(), Time.currentTimeMillis(), user.getId(),
                user.getUsername(), AuditActivity.BLOCKED_FROM_SSPR, UNBLOCKED, null, AuditEntry.SUCCESS,
                wasBlocked ? "lifted_by_admin" : "not_blocked", session.getContext().getConnection().getRemoteAddr()));
        adminEvent.operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath(session.getContext().getUri()).success();
        return Map.of("userId", user.getId(), "wasBlocked", wasBlocked);
    }

    private UserModel user(String userId) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw ErrorResponse.error("user not found", Response.Status.NOT_FOUND);
        }
        return user;
    }

    private AttemptLedger ledger() {
        SsprPolicy policy = ResetPolicyResolver.forRealm(realm, "blocks cannot be read or lifted").orElseThrow(() ->
                ErrorResponse.error("the reset policy of this realm is invalid; the server log names the setting",
                        Response.Status.CONFLICT));
        return AttemptLedger.of(session, realm, policy.attempts());
    }

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> audit(@QueryParam("first") Integer first, @QueryParam("max") Integer max,
                                           @QueryParam("user") String user, @QueryParam("activity") String activity,
                                           @QueryParam("from") String from, @QueryParam("to") String to) {
        return rows(first, max, user, activity, from, to).stream().map(SsprAdminResource::json).toList();
    }

    @GET
    @Path("audit")
    @Produces("text/csv")
    public Response auditCsv(@QueryParam("first") Integer first, @QueryParam("max") Integer max,
                             @QueryParam("user") String user, @QueryParam("activity") String activity,
                             @QueryParam("from") String from, @QueryParam("to") String to) {
        String csv = AuditCsv.of(rows(first, max, user, activity, from, to));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sspr-audit-" + realm.getName() + ".csv\"")
                .build();
    }

    private List<AuditEntry> rows(Integer first, Integer max, String user, String activity, String from, String to) {
        auth.realm().requireViewEvents();
        TimeRange range = range(from, to);
        int offset = first == null ? 0 : first;
        int limit = max == null ? DEFAULT_MAX : max;
        requirePage(offset, limit);
        AuditActivity kind = null;
        if (activity != null && !activity.isBlank()) {
            kind = AuditActivity.fromId(activity.trim()).orElseThrow(() ->
                    ErrorResponse.error("unknown activity '" + activity + "'", Response.Status.BAD_REQUEST));
        }
        String who = user == null || user.isBlank() ? null : user.trim();
        List<AuditEntry> rows = new AuditTrail(session)
                .find(new AuditFilter(realm.getId(), range.from(), range.to(), who, kind), offset, limit);
        adminEvent.operation(OperationType.ACTION).resource(ResourceType.REALM)
                .resourcePath(session.getContext().getUri()).success();
        return rows;
    }

    private static void requirePage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_MAX) {
            throw ErrorResponse.error("'first' must be 0 or more and 'max' 1 to " + MAX_MAX, Response.Status.BAD_REQUEST);
        }
    }

    private static TimeRange range(String from, String to) {
        try {
            return TimeRange.parse(from, to, Time.currentTimeMillis());
        } catch (IllegalArgumentException e) {
            throw ErrorResponse.error(e.getMessage(), Response.Status.BAD_REQUEST);
        }
    }

    private static Map<String, Object> json(AuditEntry row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("time", row.time());
        map.put("userId", row.userId());
        map.put("username", row.username());
        map.put("activity", row.activity().id());
        map.put("step", row.step());
        map.put("method", row.method());
        map.put("outcome", row.outcome());
        map.put("reason", row.reason());
        map.put("clientIp", row.clientIp());
        return map;
    }
}
