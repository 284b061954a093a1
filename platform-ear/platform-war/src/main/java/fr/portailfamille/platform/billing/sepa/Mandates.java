package fr.portailfamille.platform.billing.sepa;

import fr.portailfamille.billing.sepa.SepaRules;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.payment.MoneyRefused;
import fr.portailfamille.platform.family.FamilyLocks;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * SEPA mandates: a parent signs one online for a régie that collects by direct debit (its RUM made from the
 * mandate's id, the IBAN and BIC checked, the régie's ICS recorded), reads and downloads it, revokes it; agents
 * of the commune list them (IBAN masked unless régisseur). A parent reaches only its own family's mandates: another
 * family's id is refused like an unknown one. Each action is one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class Mandates {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyAccount account;

    @Inject
    fr.portailfamille.platform.billing.payment.PaymentDesk desk;

    @Inject
    BillingDocuments documents;

    /** What a parent typed to sign a mandate. */
    public record Signature(String regieCode, String debtorName, String iban, String bic, boolean accepted) {
    }

    /** A régie the family may sign a mandate for: code, label, creditor's name and ICS. */
    public record Creditor(String code, String label, String name, String ics) {
        public String getCode() { return code; }
        public String getLabel() { return label; }
        public String getName() { return name; }
        public String getIcs() { return ics; }
    }

    /** The commune's régies that collect by direct debit (anyone signed in to the commune). */
    public List<Creditor> creditors(SignedInUser user) {
        if (StaffRoles.isStaff(user)) {
            StaffRoles.requireAgent(user);
        } else {
            account.familyFor(user, null);
        }
        return SepaRegie.all(em).stream().map(c -> new Creditor(c.regieCode(), c.regieLabel(), c.name(), c.ics())).toList();
    }

    /** The parent's family's mandates, active first then revoked, latest first (full IBAN: their own). */
    public List<Mandate> mine(SignedInUser parent) {
        Long family = parentFamily(parent);
        return family == null ? List.of() : select("m.family_id = ?1", family, true);
    }

    /**
     * Signs a mandate for the parent's family (parents only: an agent cannot sign for a family), dated today.
     *
     * @return the new mandate
     * @throws MoneyRefused with every problem next to its field ({@code regie}, {@code debtorName}, {@code iban},
     *         {@code bic}, {@code accepted})
     */
    public Mandate sign(SignedInUser parent, Signature in) {
        if (StaffRoles.isStaff(parent)) {
            throw new Denied(Refused.text("billing.mandate.familySigns"));
        }
        Long family = account.validatedFamilyOf(parent);
        if (family == null) {
            // a draft or a file not validated yet: nothing is billed to it, and a mandate would keep it from being deleted
            throw new Refused("regie", Refused.text("billing.mandate.noFamilyFile"));
        }
        List<FieldError> errors = new ArrayList<>();
        SepaRegie creditor = in.regieCode() == null ? null : SepaRegie.of(em, "r.code = ?1", in.regieCode());
        if (creditor == null || creditor.ics() == null) {
            errors.add(new FieldError("regie", Refused.text("billing.mandate.regieRequired")));
        }
        String name = in.debtorName() == null ? "" : in.debtorName().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("debtorName", Refused.text("billing.mandate.debtorRequired")));
        } else if (name.length() > 70) {
            errors.add(new FieldError("debtorName", Refused.text("billing.mandate.debtorTooLong")));
        } else if (SepaRules.sepaText(name, 70).isEmpty()) {
            // the bank's file writes names in Latin letters only: a name with none would leave it empty, the file refused
            errors.add(new FieldError("debtorName", Refused.text("billing.mandate.debtorLatin")));
        }
        Message ibanProblem = SepaRules.ibanProblem(in.iban());
        if (ibanProblem != null) {
            errors.add(new FieldError("iban", ibanProblem));
        }
        Message bicProblem = SepaRules.bicProblem(in.bic(), ibanProblem == null ? in.iban() : null);
        if (bicProblem != null) {
            errors.add(new FieldError("bic", bicProblem));
        }
        if (!in.accepted()) {
            errors.add(new FieldError("accepted", Refused.text("billing.mandate.accepted")));
        }
        if (creditor != null && errors.isEmpty() && activeFor(family, creditor.regieId()) != null) {
            errors.add(new FieldError("regie", Refused.text("billing.mandate.alreadyActive")));
        }
        if (!errors.isEmpty()) {
            throw new MoneyRefused(errors);
        }
        // one active mandate per family and régie: the family's row is locked so that two tabs never sign two
        FamilyLocks.row(em, family);
        if (activeFor(family, creditor.regieId()) != null) {
            throw new MoneyRefused(List.of(new FieldError("regie", Refused.text("billing.mandate.alreadyActive"))));
        }
        long id = ((Number) em.createNativeQuery("select nextval('sepa_mandate_id_seq')").getSingleResult()).longValue();
        em.createNativeQuery("insert into sepa_mandate (id, family_id, regie_id, rum, debtor_name, iban, bic, creditor_ics,"
                + " signed_on, signed_by) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as varchar), ?8, ?9, ?10)")
                .setParameter(1, id).setParameter(2, family).setParameter(3, creditor.regieId())
                .setParameter(4, SepaRules.rum(creditor.regieCode(), id)).setParameter(5, name)
                .setParameter(6, SepaRules.normalizeIban(in.iban())).setParameter(7, SepaRules.normalizeBic(in.bic()))
                .setParameter(8, creditor.ics()).setParameter(9, PlatformTime.today())
                .setParameter(10, cut(parent.email() == null ? parent.subject() : parent.email())).executeUpdate();
        // a change of bank (a mandate revoked, this one signed): the invoices the revocation left undebited, whose run's
        // file is not made yet, are debited on this one — announced « prélevée le … », they are not dropped silently
        @SuppressWarnings("unchecked")
        List<String> taken = em.createNativeQuery("update sepa_debit d set state = 'PLANNED', mandate_id = ?1 from invoice i,"
                + " sepa_mandate old where i.id = d.invoice_id and old.id = d.mandate_id and old.family_id = ?2"
                + " and old.regie_id = ?3 and old.revoked_at is not null and d.state = 'SKIPPED' and i.state = 'ISSUED'"
                + " and not exists (select 1 from sepa_file f where f.billing_run_id = d.billing_run_id and f.withdrawn_at is null)"
                + " returning i.number")
                .setParameter(1, id).setParameter(2, family).setParameter(3, creditor.regieId()).getResultList();
        // in the régie's journal: who gave it (the IBAN left out, as on an agent's page)
        desk.audit(cut(parent.email() == null ? parent.subject() : parent.email()), "SEPA_MANDATE_SIGNED", creditor.regieId(),
                family, null, null, null, "Mandat " + SepaRules.rum(creditor.regieCode(), id) + " signé par la famille"
                        + (taken.isEmpty() ? "" : " ; prélèvements prévus repris : "
                        + String.join(", ", taken.stream().sorted().toList())));
        return select("m.id = ?1", id, true).get(0);
    }

    /** Revokes one of the family's active mandates (its parent): no further debit; debits already sent stay. */
    public void revoke(SignedInUser parent, long mandateId) {
        Mandate m = own(parent, mandateId);
        if (!m.active()) {
            throw new Refused(Refused.text("billing.mandate.alreadyRevoked"));
        }
        em.createNativeQuery("update sepa_mandate set revoked_at = now(), revoked_by = ?2 where id = ?1 and revoked_at is null")
                .setParameter(1, mandateId).setParameter(2, cut(parent.email() == null ? parent.subject() : parent.email()))
                .executeUpdate();
        // invoices still planned on it are no longer debited: the family pays them another way
        @SuppressWarnings("unchecked")
        List<String> skipped = em.createNativeQuery("update sepa_debit d set state = 'SKIPPED' from invoice i where i.id = d.invoice_id"
                + " and d.mandate_id = ?1 and d.state = 'PLANNED' returning i.number").setParameter(1, mandateId).getResultList();
        // in the régie's journal: who stopped the debits, and which
        long regie = ((Number) em.createNativeQuery("select regie_id from sepa_mandate where id = ?1").setParameter(1, mandateId)
                .getSingleResult()).longValue();
        desk.audit(cut(parent.email() == null ? parent.subject() : parent.email()), "SEPA_MANDATE_REVOKED", regie, m.familyId(),
                null, null, null, "Mandat " + m.rum() + " révoqué par la famille" + (skipped.isEmpty() ? ""
                        : " ; prélèvements prévus annulés : " + String.join(", ", skipped.stream().sorted().toList())));
    }

    /** One mandate: the parent's own (else refused like an unknown id), or any of the commune for an agent. */
    public Mandate get(SignedInUser user, long mandateId) {
        if (StaffRoles.isStaff(user)) {
            StaffRoles.requireAgent(user);
            List<Mandate> found = select("m.id = ?1", mandateId, user.roles().contains(StaffRoles.REGISSEUR));
            if (found.isEmpty()) {
                throw new Refused(Refused.text("billing.mandate.notFound"));
            }
            return found.get(0);
        }
        return own(user, mandateId);
    }

    /** The mandate as a PDF (its family's parent, or an agent). */
    public BillingDocuments.Pdf pdf(SignedInUser user, long mandateId) {
        Mandate m = get(user, mandateId);
        return documents.mandatePdf(m.familyId(), new BillingDocuments.MandateText(m.rum(), m.creditorName(), m.creditorIcs(),
                m.debtorName(), m.getIban(), m.bic(), m.signedOn(), PlatformTime.day(m.revokedAt())));
    }

    /** The commune's mandates for agents, of one régie or all, active only or all; IBAN masked unless régisseur. */
    public List<Mandate> list(SignedInUser agent, String regieCode, boolean activeOnly) {
        StaffRoles.requireAgent(agent);
        boolean full = agent.roles().contains(StaffRoles.REGISSEUR);
        String where = "(cast(?1 as varchar) is null or r.code = cast(?1 as varchar))" + (activeOnly ? " and m.revoked_at is null" : "");
        return select(where, regieCode == null || regieCode.isBlank() ? null : regieCode, full);
    }

    private Mandate own(SignedInUser parent, long mandateId) {
        Long family = parentFamily(parent);
        List<Mandate> found = select("m.id = ?1", mandateId, true);
        if (family == null || found.isEmpty() || found.get(0).familyId() != family) {
            throw new Denied(Refused.text("billing.mandate.notYours"));
        }
        return found.get(0);
    }

    private Long parentFamily(SignedInUser parent) {
        if (StaffRoles.isStaff(parent)) {
            throw new Denied(Refused.text("billing.mandate.staffPages"));
        }
        return account.familyFor(parent, null);
    }

    Long activeFor(long family, long regieId) {
        List<?> ids = em.createNativeQuery("select id from sepa_mandate where family_id = ?1 and regie_id = ?2 and revoked_at is null")
                .setParameter(1, family).setParameter(2, regieId).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private List<Mandate> select(String where, Object param, boolean fullIban) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.id, m.family_id, f.label, r.code, r.label, coalesce(r.sepa_name, r.label),"
                + " m.rum, m.debtor_name, m.iban, m.bic, m.creditor_ics, m.signed_on, m.signed_by, m.revoked_at,"
                + " (select count(*) from sepa_debit d where d.mandate_id = m.id and d.state in ('SENT', 'REJECTED'))"
                + " from sepa_mandate m join family f on f.id = m.family_id join regie r on r.id = m.regie_id where " + where
                + " order by m.revoked_at is not null, m.signed_at desc, m.id desc").setParameter(1, param).getResultList();
        return rows.stream().map(r -> new Mandate(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                fullIban ? (String) r[8] : SepaRules.maskIban((String) r[8]), (String) r[9], (String) r[10], date(r[11]),
                (String) r[12], time(r[13]), ((Number) r[14]).intValue())).toList();
    }

    static String cut(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) : s;
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        return ((java.sql.Timestamp) value).toInstant().atZone(PlatformTime.ZONE).toOffsetDateTime();
    }
}
