package fr.portailfamille.platform.profile;

import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.Responsable;
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
 * What a parent chooses on Mon profil, each in its one place: the consent to the commune's information by e-mail
 * and by SMS is the family file's (its own responsable's, written through {@link FamilyFileService#setOwnConsent});
 * the booking-deadline reminders opt-out belongs to the account (the Keycloak subject), with its family when it has
 * one. Each call is one transaction; a user only ever reads and writes its own rows.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AccountPreferences {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    /** A parent's choices; nothing consented and reminders on until it chooses. */
    public record Preferences(boolean consentEmail, boolean consentSms, boolean remindersOptOut) implements Serializable {
        public static final Preferences DEFAULTS = new Preferences(false, false, false);
        public boolean isConsentEmail() { return consentEmail; }
        public boolean isConsentSms() { return consentSms; }
        public boolean isRemindersOptOut() { return remindersOptOut; }
    }

    /** The consent as the family file holds it (its responsable 1), the opt-out as the account saved it. */
    public Preferences of(SignedInUser user) {
        requireUser(user);
        Responsable own = FamilyFileService.isStaff(user) ? null : files.fileOf(user).findResponsable(1).orElse(null);
        List<?> rows = em.createNativeQuery("select reminders_opt_out from account_preference where subject = ?1")
                .setParameter(1, user.subject()).getResultList();
        return new Preferences(own != null && own.isConsentEmail(), own != null && own.isConsentSms(),
                !rows.isEmpty() && (Boolean) rows.get(0));
    }

    /**
     * Saves the parent's choices in one transaction: the consent onto its family file (refused, and nothing saved,
     * while there is no stored file to hold a consent), the opt-out in the account's row, linked to its family.
     */
    public void save(SignedInUser user, Preferences p) {
        requireUser(user);
        Family f = FamilyFileService.isStaff(user) ? null : files.fileOf(user);
        Long familyId = f == null ? null : f.getId(); // null while the file is only a draft never saved
        if (familyId != null) {
            files.setOwnConsent(user, p.consentEmail(), p.consentSms());
        } else if (p.consentEmail() || p.consentSms()) {
            throw FamilyFileService.noFileYet();
        }
        em.createNativeQuery("insert into account_preference (subject, family_id, reminders_opt_out, updated_at)"
                        + " values (?1, cast(?2 as bigint), ?3, now()) on conflict (subject) do update set family_id = excluded.family_id,"
                        + " reminders_opt_out = excluded.reminders_opt_out, updated_at = now()")
                .setParameter(1, user.subject()).setParameter(2, familyId).setParameter(3, p.remindersOptOut())
                .executeUpdate();
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
