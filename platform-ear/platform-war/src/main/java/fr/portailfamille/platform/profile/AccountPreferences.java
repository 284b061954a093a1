package fr.portailfamille.platform.profile;

import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;

/**
 * What each account of the commune chose on Mon profil — information by e-mail, by SMS, no booking-deadline
 * reminders —, stored per account (the Keycloak subject), with its family when it has one. Each call is one
 * transaction; a user only ever reads and writes its own row.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AccountPreferences {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    /** An account's choices; the defaults (nothing consented, reminders on) until it saves. */
    public record Preferences(boolean consentEmail, boolean consentSms, boolean remindersOptOut) implements Serializable {
        public static final Preferences DEFAULTS = new Preferences(false, false, false);
        public boolean isConsentEmail() { return consentEmail; }
        public boolean isConsentSms() { return consentSms; }
        public boolean isRemindersOptOut() { return remindersOptOut; }
    }

    public Preferences of(SignedInUser user) {
        requireUser(user);
        List<?> rows = em.createNativeQuery("select consent_email, consent_sms, reminders_opt_out from account_preference"
                + " where subject = ?1").setParameter(1, user.subject()).getResultList();
        if (rows.isEmpty()) {
            return Preferences.DEFAULTS;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Preferences((Boolean) r[0], (Boolean) r[1], (Boolean) r[2]);
    }

    /** Saves the account's choices (one row per account), linked to its family when its file is stored. */
    public void save(SignedInUser user, Preferences p) {
        requireUser(user);
        Long familyId = FamilyFileService.isStaff(user) ? null : familyId(user);
        em.createNativeQuery("insert into account_preference (subject, family_id, consent_email, consent_sms, reminders_opt_out,"
                        + " updated_at) values (?1, ?2, ?3, ?4, ?5, now()) on conflict (subject) do update set"
                        + " family_id = excluded.family_id, consent_email = excluded.consent_email,"
                        + " consent_sms = excluded.consent_sms, reminders_opt_out = excluded.reminders_opt_out, updated_at = now()")
                .setParameter(1, user.subject()).setParameter(2, familyId).setParameter(3, p.consentEmail())
                .setParameter(4, p.consentSms()).setParameter(5, p.remindersOptOut()).executeUpdate();
    }

    private Long familyId(SignedInUser user) {
        Family f = files.fileOf(user);
        return f.getId(); // null while the file is only a draft never saved
    }

    private static void requireUser(SignedInUser user) {
        if (user == null) {
            throw new SecurityException("Connectez-vous pour lire votre profil.");
        }
        if (!TenantContext.require().slug().equals(user.communeSlug())) {
            throw new SecurityException("Compte d'une autre commune.");
        }
    }
}
