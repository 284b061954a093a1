package fr.portailfamille.platform.family;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.family.validation.FrenchFormats;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.KeycloakAccounts;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The counter ("guichet"): an agent creates a validated family file for a parent who came in person, and
 * the parent is invited by mail to activate the account. One transaction per file.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyCounter {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    KeycloakAccounts accounts;

    Clock clock = PlatformTime.clock();

    /**
     * A file created at the counter with the parent's e-mail. The family receives the mail to activate
     * its account (confirm the address, choose a password); its first sign-in with that e-mail links
     * the account to this file instead of creating another one ("première connexion"). An agent of this commune only.
     */
    public List<FieldError> createAtCounter(SignedInUser agent, String firstName, String lastName, String email,
                                            String portalUrl) {
        StaffRoles.requireAgent(agent);
        List<FieldError> errors = new ArrayList<>();
        if (firstName == null || firstName.isBlank()) {
            errors.add(FamilyFileRules.error("firstName", "family.counter.firstName.required"));
        }
        if (lastName == null || lastName.isBlank()) {
            errors.add(FamilyFileRules.error("lastName", "family.counter.lastName.required"));
        }
        if (firstName != null && firstName.strip().length() > 100) {
            errors.add(FamilyFileRules.error("firstName", "family.text.tooLong", 100));
        }
        if (lastName != null && lastName.strip().length() > 100) {
            errors.add(FamilyFileRules.error("lastName", "family.text.tooLong", 100));
        }
        // the family's account is made in the commune's realm with these names: Keycloak's rule on them, told here
        fr.portailfamille.platform.kernel.PersonNames.refusal(firstName)
                .ifPresent(m -> errors.add(new FieldError("firstName", m)));
        fr.portailfamille.platform.kernel.PersonNames.refusal(lastName)
                .ifPresent(m -> errors.add(new FieldError("lastName", m)));
        if (email == null || !FrenchFormats.isEmail(email)) {
            errors.add(FamilyFileRules.error("email", "family.email.invalid"));
        } else if (lockEmail(email.trim()) && !em.createQuery("select f.id from Family f where lower(f.email) = lower(:e)")
                .setParameter("e", email.trim()).getResultList().isEmpty()) {
            errors.add(FamilyFileRules.error("email", "family.counter.email.taken"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Family f = new Family("Foyer " + firstName.trim() + " " + lastName.trim(), email.trim());
        f.setStatus(FamilyStatus.VALIDATED);
        f.setValidatedAt(now());
        Responsable r1 = f.responsable(1);
        r1.setEmail(email.trim());
        r1.setFirstName(firstName.trim());
        r1.setLastName(lastName.trim());
        em.persist(f);
        em.flush();
        audit(agent.email(), "DOSSIER_CREE_GUICHET", f.getId(), null, "invitation envoyée à " + email.trim());
        try {
            accounts.invite(TenantContext.require(), email.trim(), firstName.trim(), lastName.trim(), portalUrl);
        } catch (KeycloakAccounts.AccountException e) {
            throw new AccountUnavailable(Refused.text("family.counter.inviteFailed"), e);
        }
        return List.of();
    }

    /**
     * Two "Créer" for one address at once (a double click, two agents) wait for each other here, until the first
     * commits: the second then finds the address taken and says so, instead of failing on the unique index.
     */
    private boolean lockEmail(String email) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "counter:" + email.toLowerCase(java.util.Locale.ROOT)).getSingleResult();
        return true;
    }

    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
