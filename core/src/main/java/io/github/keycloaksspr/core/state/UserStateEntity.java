package io.github.keycloaksspr.core.state;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of {@code SSPR_USER_STATE}: what the pack records about a user that the user must not be able to write
 * (user attributes can be written by users where the realm's user profile allows it). Times in Keycloak's clock.
 */
@Entity(name = "SsprUserState")
@Table(name = "SSPR_USER_STATE")
public class UserStateEntity {

    static final int KNOWN_CONTACTS_LENGTH = 2000;

    /** Keycloak's user id; directory users without a local copy have longer ids ({@code f:<component>:<id>}). */
    @Id
    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Epoch ms of the pack's first sight of the user: Keycloak credentials created up to then count. */
    @Column(name = "VETTED_UNTIL")
    private Long vettedUntil;

    /** Epoch seconds of the last "Looks good" on the security-info page. */
    @Column(name = "CONFIRMED_AT")
    private Long confirmedAt;

    /** Epoch seconds of the first prompt since the last confirmation: the grace period counts from here. */
    @Column(name = "PROMPTED_AT")
    private Long promptedAt;

    /** Epoch seconds of the first time the user was seen with registered methods: never a first registration again. */
    @Column(name = "REGISTERED_AT")
    private Long registeredAt;

    /**
     * Every phone and alternate address the user registered, one per line ({@code phone:+4917…},
     * {@code email:a@b}), the most recent last: whoever registers anew after all methods are gone is told of it there.
     */
    @Column(name = "KNOWN_CONTACTS", length = KNOWN_CONTACTS_LENGTH)
    private String knownContacts;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public Long getVettedUntil() {
        return vettedUntil;
    }

    public void setVettedUntil(Long vettedUntil) {
        this.vettedUntil = vettedUntil;
    }

    public Long getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(Long confirmedAt) {
        this.confirmedAt = confirmedAt;
    }

    public Long getPromptedAt() {
        return promptedAt;
    }

    public void setPromptedAt(Long promptedAt) {
        this.promptedAt = promptedAt;
    }

    public Long getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Long registeredAt) {
        this.registeredAt = registeredAt;
    }

    public String getKnownContacts() {
        return knownContacts;
    }

    public void setKnownContacts(String knownContacts) {
        this.knownContacts = knownContacts;
    }
}
