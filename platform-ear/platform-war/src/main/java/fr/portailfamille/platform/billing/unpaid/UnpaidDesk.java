package fr.portailfamille.platform.billing.unpaid;

import fr.portailfamille.billing.Reminders;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The commune's unpaid invoices (any agent reads): past their due date, with what is left to pay, their
 * age in days and the last reminder; totals per régie; and the reminders due today (régisseur, or the
 * daily {@link ReminderJob}), each sent by {@link ReminderSender} in its own transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class UnpaidDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    @Inject
    ReminderSender sender;

    /** An unpaid invoice past due. */
    public record Unpaid(long invoiceId, String number, String regieCode, String regieLabel, long familyId, String familyLabel,
            LocalDate dueDate, long ageDays, long totalCents, long outstandingCents, int lastReminder, String state,
            String titreNumber) {
        public long getInvoiceId() { return invoiceId; }
        public String getNumber() { return number; }
        public String getRegieLabel() { return regieLabel; }
        public long getFamilyId() { return familyId; }
        public String getFamilyLabel() { return familyLabel; }
        public LocalDate getDueDate() { return dueDate; }
        public long getAgeDays() { return ageDays; }
        public long getTotalCents() { return totalCents; }
        public long getOutstandingCents() { return outstandingCents; }
        public int getLastReminder() { return lastReminder; }
        public boolean isTitre() { return "TITRE_EMIS".equals(state); }
        public String getTitreNumber() { return titreNumber; }
    }

    /** A régie's total of unpaid invoices. */
    public record RegieTotal(String regieLabel, int count, long outstandingCents) {
        public String getRegieLabel() { return regieLabel; }
        public int getCount() { return count; }
        public long getOutstandingCents() { return outstandingCents; }
    }

    /**
     * Unpaid invoices past due on {@code today}, oldest due first: of one régie or all, at least
     * {@code minAgeDays} late, with or without those handed to the Trésorerie (any agent).
     */
    public List<Unpaid> unpaid(SignedInUser user, String regieCode, int minAgeDays, boolean withTitres, LocalDate today) {
        StaffRoles.requireAgent(user);
        return unpaid(regieCode, minAgeDays, withTitres, today);
    }

    List<Unpaid> unpaid(String regieCode, int minAgeDays, boolean withTitres, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select * from (select i.id, i.number, r.code, r.label, i.family_id, f.label,"
                + " i.due_date, i.total_cents, i.total_cents - (" + FamilyAccount.settledSql() + ") as left_cents,"
                + " coalesce((select max(m.level) from invoice_reminder m where m.invoice_id = i.id), 0), i.state, i.titre_number"
                + " from invoice i join regie r on r.id = i.regie_id join family f on f.id = i.family_id"
                + " where i.kind = 'INVOICE' and i.state in ('ISSUED', 'TITRE_EMIS') and i.due_date < ?1"
                + " and i.due_date <= ?2 and (cast(?3 as varchar) is null or r.code = cast(?3 as varchar))"
                + " and (?4 or i.state = 'ISSUED')) u where left_cents > 0 order by due_date, id")
                .setParameter(1, today).setParameter(2, today.minusDays(Math.max(0, minAgeDays)))
                .setParameter(3, regieCode == null || regieCode.isBlank() ? null : regieCode).setParameter(4, withTitres)
                .getResultList();
        return rows.stream().map(r -> new Unpaid(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), (String) r[5], date(r[6]), Reminders.daysLate(date(r[6]), today),
                ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), ((Number) r[9]).intValue(), (String) r[10],
                (String) r[11])).toList();
    }

    /** Totals per régie of {@code unpaid}. */
    public static List<RegieTotal> totals(List<Unpaid> unpaid) {
        Map<String, long[]> by = new LinkedHashMap<>();
        unpaid.stream().sorted(java.util.Comparator.comparing(Unpaid::regieLabel)).forEach(u -> {
            long[] t = by.computeIfAbsent(u.regieLabel(), k -> new long[2]);
            t[0]++;
            t[1] += u.outstandingCents();
        });
        List<RegieTotal> totals = new ArrayList<>();
        by.forEach((k, v) -> totals.add(new RegieTotal(k, (int) v[0], v[1])));
        return totals;
    }

    /** The reminders' delays of the configuration file (days after the due date). */
    public List<Integer> delays() {
        return settings.billing().settings().reminderDays();
    }

    /** Sends the reminders due today (régisseur). @return how many were sent */
    public int sendDue(SignedInUser user) {
        StaffRoles.requireRegisseur(user);
        return sendDue(user.email(), PlatformTime.today());
    }

    /**
     * Sends every reminder due on {@code today}: for each unpaid invoice still followed by the counter,
     * the level its age reached if not sent yet; each in its own transaction (a level is recorded once:
     * {@code invoice_reminder} is unique per invoice and level).
     *
     * @return how many were sent
     */
    public int sendDue(String actor, LocalDate today) {
        List<Integer> delays = delays();
        if (delays.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (Unpaid u : unpaid(null, 0, false, today)) {
            OptionalInt level = Reminders.levelDue(u.dueDate(), today, delays, u.lastReminder());
            if (level.isPresent() && sender.send(u.invoiceId(), level.getAsInt(), actor, today)) {
                sent++;
            }
        }
        return sent;
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
