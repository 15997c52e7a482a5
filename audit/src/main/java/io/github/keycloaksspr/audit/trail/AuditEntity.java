package io.github.keycloaksspr.audit.trail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of {@code SSPR_AUDIT}. No secret ever reaches it: methods and reasons are ids, never codes, answers or
 * destinations. The username is the one at the time (users are renamed and deleted; the row stays readable).
 */
@Entity
@Table(name = "SSPR_AUDIT")
public class AuditEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "USERNAME")
    private String username;

    @Column(name = "ACTIVITY", length = 32, nullable = false)
    private String activity;

    @Column(name = "STEP", length = 64)
    private String step;

    @Column(name = "METHOD", length = 64)
    private String method;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "REASON", length = 64)
    private String reason;

    @Column(name = "CLIENT_IP", length = 64)
    private String clientIp;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getTime() {
        return time;
    }

    public void setTime(long time) {
        this.time = time;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getActivity() {
        return activity;
    }

    public void setActivity(String activity) {
        this.activity = activity;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getClientIp() {
        return clientIp;
    }

    public void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }
}
