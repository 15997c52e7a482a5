package io.github.keycloaksspr.reminders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reminder threshold done for one password of one user: {@code SSPR_REMINDER}. The id joins user, the password's
 * stamp (its creation time, or the directory's expiry) and the threshold, so that the database itself refuses a
 * second row, on any node and after any restart. A new password has a new stamp: its thresholds start afresh.
 */
@Entity
@Table(name = "SSPR_REMINDER")
public class SentReminderEntity {

    @Id
    @Column(name = "ID", length = 80)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    protected SentReminderEntity() {
    }

    SentReminderEntity(String id, String realmId, long sentAt) {
        this.id = id;
        this.realmId = realmId;
        this.sentAt = sentAt;
    }

    /** {@code <user id>:<stamp>:<days>}. */
    static String idOf(String userId, long stamp, int days) {
        return userId + ":" + stamp + ":" + days;
    }

    String getId() {
        return id;
    }
}
