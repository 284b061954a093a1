package fr.portailfamille.platform.billing.export;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The régie's exports of a period, for any agent of the commune ({@link StaffRoles#requireAgent}): the
 * invoices and credit notes of the period they bill, the payments received in the period, the CAF
 * summary (invoice lines of the period's invoices, credit notes left out) and the régie's journal
 * (billing_audit) of the period. Each is one read in one transaction; native SQL because these are
 * report aggregates over tables other contexts write.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class RegieExports {

    /** The longest period exported at once. */
    public static final int MAX_DAYS = 366;

    /** What can be exported. */
    public enum Dataset {
        FACTURES("factures", "Factures et avoirs"),
        PAIEMENTS("paiements", "Paiements"),
        CAF("caf", "Synthèse CAF"),
        JOURNAL("journal", "Journal de la régie");

        private final String param;
        private final String title;

        Dataset(String param, String title) {
            this.param = param;
            this.title = title;
        }

        /** Its name in URLs. */
        public String param() { return param; }
        public String title() { return title; }

        public static Dataset of(String param) {
            for (Dataset d : values()) {
                if (d.param.equals(param)) {
                    return d;
                }
            }
            throw new Refused("donnees", Refused.text("billing.export.datasetRequired"));
        }
    }

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    /** The commune's régies. */
    public List<Regie> regies(SignedInUser user) {
        StaffRoles.requireAgent(user);
        return settings.billing().regies();
    }

    /** One dataset of régie {@code regieCode} from {@code from} to {@code to}, included. */
    public ExportTable table(SignedInUser user, Dataset dataset, String regieCode, LocalDate from, LocalDate to) {
        StaffRoles.requireAgent(user);
        requirePeriod(from, to);
        long regie = regieId(regieCode);
        return switch (dataset) {
            case FACTURES -> invoices(regie, from, to);
            case PAIEMENTS -> payments(regie, from, to);
            case CAF -> cafTable(cafRows(regie, from, to));
            case JOURNAL -> journal(regie, from, to);
        };
    }

    /** The CAF summary's rows, for the page's preview. */
    public List<CafSummary.Row> cafSummary(SignedInUser user, String regieCode, LocalDate from, LocalDate to) {
        StaffRoles.requireAgent(user);
        requirePeriod(from, to);
        return cafRows(regieId(regieCode), from, to);
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new Refused("du", Refused.text("billing.export.fromRequired"));
        }
        if (to == null) {
            throw new Refused("au", Refused.text("billing.export.toRequired"));
        }
        if (to.isBefore(from)) {
            throw new Refused("au", Refused.text("billing.export.toBeforeFrom"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new Refused("au", Refused.text("billing.export.periodTooLong", MAX_DAYS));
        }
    }

    private long regieId(String code) {
        List<?> ids = em.createNativeQuery("select id from regie where code = ?1").setParameter(1, code == null ? "" : code)
                .getResultList();
        if (ids.isEmpty()) {
            throw new Refused("regie", Refused.text("billing.regie.choose"));
        }
        return ((Number) ids.get(0)).longValue();
    }

    private ExportTable invoices(long regie, LocalDate from, LocalDate to) {
        ExportTable t = new ExportTable("Factures", List.of(ExportTable.text("Numéro"), ExportTable.text("Type"),
                ExportTable.date("Date d'émission"), ExportTable.text("Famille"), ExportTable.date("Période du"),
                ExportTable.date("Période au"), ExportTable.money("Montant (€)"), ExportTable.money("Reste à payer (€)"),
                ExportTable.text("État"), ExportTable.text("N° de titre (ORMC)"), ExportTable.text("Avoir sur la facture")));
        // what is left on each invoice on the day of the export (0 for a credit note or a cancelled invoice)
        for (Object[] r : rows("select i.number, i.kind, i.issued_at, f.label, i.period_start, i.period_end, i.total_cents,"
                + " case when i.kind = 'INVOICE' and i.state <> 'CANCELLED' then greatest(0, i.total_cents - ("
                + FamilyAccount.settledSql() + ")) else 0 end,"
                + " i.state, i.titre_number, o.number from invoice i join family f on f.id = i.family_id"
                + " left join invoice o on o.id = i.credit_note_of where i.regie_id = ?1 and i.period_start between ?2 and ?3"
                + " order by i.kind desc, i.sequence", regie, from, to)) {
            t.row(r[0], ExportLabels.kind((String) r[1]), day(time(r[2])), r[3], date(r[4]), date(r[5]), number(r[6]),
                    number(r[7]), ExportLabels.state((String) r[8]), r[9], r[10]);
        }
        return t;
    }

    private ExportTable payments(long regie, LocalDate from, LocalDate to) {
        ExportTable t = new ExportTable("Paiements", List.of(ExportTable.text("N° de reçu"), ExportTable.date("Date"),
                ExportTable.text("Mode"), ExportTable.text("N° de chèque"), ExportTable.text("Banque"),
                ExportTable.text("Famille"), ExportTable.text("Payeur"), ExportTable.money("Montant (€)"),
                ExportTable.money("Imputé (€)"), ExportTable.text("Annulé"), ExportTable.text("Nature")));
        // the payments, and the money put on the régie's porte-monnaie (at the counter or by card): all that came in;
        // and what a régisseur took back from a porte-monnaie (negative: a rejected cheque, a balance paid back)
        for (Object[] r : rows("select p.receipt_number, p.received_on, p.mode, p.cheque_number, p.bank, f.label, p.payer_name,"
                // a cancelled payment pays nothing (its allocations stay, as the cancellation left them)
                + " p.amount_cents, case when p.cancelled_at is null then coalesce((select sum(a.amount_cents)"
                + " from payment_allocation a where a.payment_id = p.id), 0) else 0 end,"
                + " p.cancelled_at, 'Paiement', p.id from payment p join family f on f.id = p.family_id where p.regie_id = ?1"
                + " and p.received_on between ?2 and ?3"
                + " union all select null, cast(m.created_at at time zone " + PlatformTime.SQL_ZONE + " as date), m.mode, null,"
                + " null, f.label, null, m.amount_cents, 0, null, case m.kind when 'WITHDRAWAL' then 'Retrait porte-monnaie'"
                + " else 'Versement porte-monnaie' end, m.id from wallet_movement m"
                + " join wallet w on w.id = m.wallet_id join family f on f.id = w.family_id where w.regie_id = ?1"
                + " and m.kind in ('TOP_UP_COUNTER', 'TOP_UP_CARD', 'WITHDRAWAL')"
                + " and cast(m.created_at at time zone " + PlatformTime.SQL_ZONE + " as date) between ?2 and ?3"
                + " order by 2, 11, 12", regie, from, to)) {
            LocalDateTime cancelled = time(r[9]);
            t.row(r[0], date(r[1]), ExportLabels.mode((String) r[2]), r[3], r[4], r[5], r[6], number(r[7]), number(r[8]),
                    cancelled == null ? "Non" : "Oui, le " + ExportCsv.DAY.format(cancelled), r[10]);
        }
        return t;
    }

    private List<CafSummary.Row> cafRows(long regie, LocalDate from, LocalDate to) {
        // the activity by its name and code ("Cantine (CANTINE)"), by its code alone once deleted; each line less the days
        // its credit notes took back (a lump credit note names no day: it stays with the invoice), a line taken back
        // whole counts no child
        List<CafSummary.Line> lines = rows("select x.activity, x.bracket_code, x.child_id, x.child_name, x.days, x.cents from"
                + " (select coalesce(a.name || ' (' || l.activity_code || ')', l.activity_code) as activity, l.bracket_code,"
                + " l.child_id, l.child_name, l.quantity - " + FamilyAccount.creditedSql("quantity") + " as days,"
                + " l.amount_cents - " + FamilyAccount.creditedSql("amount_cents") + " as cents"
                + " from invoice_line l join invoice i on i.id = l.invoice_id left join activity a on a.code = l.activity_code"
                + " where i.regie_id = ?1 and i.kind = 'INVOICE' and i.state <> 'CANCELLED' and i.period_start between ?2 and ?3) x"
                + " where x.days > 0"
                // the days its porte-monnaie paid (never invoiced), debited and not given back, by the day's date
                + " union all select coalesce(a.name || ' (' || a.code || ')', a.code), wb.bracket_code, c.id,"
                + " c.first_name || ' ' || c.last_name, count(*), sum(wb.amount_cents)"
                + " from wallet_booking wb join wallet w on w.id = wb.wallet_id join booking b on b.id = wb.booking_id"
                + " join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                + " join child c on c.id = b.child_id"
                + " where w.regie_id = ?1 and wb.debited and b.day between ?2 and ?3"
                + " group by a.name, a.code, wb.bracket_code, c.id, c.first_name, c.last_name", regie, from, to)
                .stream().map(r -> new CafSummary.Line((String) r[0], (String) r[1], r[2] == null ? null : number(r[2]),
                        (String) r[3], number(r[4]), number(r[5]))).toList();
        BillingConfiguration billing = settings.billing();
        return CafSummary.of(lines, billing.settings());
    }

    static ExportTable cafTable(List<CafSummary.Row> rows) {
        ExportTable t = new ExportTable("Synthèse CAF", List.of(ExportTable.text("Activité"), ExportTable.text("Tranche de QF"),
                ExportTable.count("Enfants"), ExportTable.count("Unités-jours"), ExportTable.money("Montant (€)")));
        for (CafSummary.Row r : rows) {
            t.row(r.activity(), r.bracketLabel(), r.children(), r.unitDays(), r.amountCents());
        }
        return t;
    }

    private ExportTable journal(long regie, LocalDate from, LocalDate to) {
        ExportTable t = new ExportTable("Journal", List.of(ExportTable.dateTime("Date et heure"), ExportTable.text("Agent"),
                ExportTable.text("Action"), ExportTable.text("Famille"), ExportTable.text("Facture"),
                ExportTable.text("Reçu"), ExportTable.money("Montant (€)"), ExportTable.text("Détail")));
        Timestamp start = Timestamp.from(from.atStartOfDay(PlatformTime.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant());
        for (Object[] r : rows("select a.at, a.actor, a.action, f.label, i.number, p.receipt_number, a.amount_cents, a.detail"
                + " from billing_audit a left join family f on f.id = a.family_id left join invoice i on i.id = a.invoice_id"
                + " left join payment p on p.id = a.payment_id where a.regie_id = ?1 and a.at >= ?2 and a.at < ?3"
                + " order by a.at, a.id", regie, start, end)) {
            t.row(time(r[0]), r[1], ExportLabels.action((String) r[2]), r[3], r[4], r[5], r[6] == null ? null : number(r[6]), r[7]);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static LocalDate day(LocalDateTime t) {
        return t == null ? null : t.toLocalDate();
    }

    /** A timestamptz as the commune's wall-clock time (Paris). */
    static LocalDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return PlatformTime.local(t);
        }
        if (value instanceof java.time.Instant i) {
            return LocalDateTime.ofInstant(i, PlatformTime.ZONE);
        }
        return LocalDateTime.ofInstant(((Timestamp) value).toInstant(), PlatformTime.ZONE);
    }
}
