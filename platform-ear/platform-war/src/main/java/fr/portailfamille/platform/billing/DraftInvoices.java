package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Anomaly;
import fr.portailfamille.billing.Attendance;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.DayEvent;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.InvoiceCalculator;
import fr.portailfamille.billing.Pricing;
import fr.portailfamille.billing.PricedLine;
import fr.portailfamille.billing.QfSource;
import fr.portailfamille.billing.Siblings;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariffs;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers what billing needs of a régie's period — the bookings, pointage and absences of the
 * activities it bills not yet billed ({@code billed_day}), each family's facts, the children's ranks —
 * and prices it with tenant-config's rules ({@link Pricing}, {@link InvoiceCalculator}). No pricing
 * rule lives here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@CommuneRequired
public class DraftInvoices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    /** The régie's id, or empty when no régie has this code. */
    public Optional<Long> regieId(String regieCode) {
        List<?> ids = em.createNativeQuery("select id from regie where code = ?1").setParameter(1, regieCode).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    private record Row(long childId, String childName, LocalDate birth, String activity, String unit, long unitId,
            DayEvent event) {
    }

    /** Every family's draft for régie {@code regieCode} from {@code from} to {@code to}, by family name. */
    public List<FamilyInvoice> drafts(String regieCode, LocalDate from, LocalDate to) {
        BillingConfiguration billing = settings.billing();
        BillingSettings rules = billing.settings();
        List<Tariff> tariffs = billing.tariffs();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select f.id, f.label, f.quotient_familial, f.qf_proof_date, f.qf_source,"
                + " f.monthly_resources_cents, f.postcode, f.resident_override, c.id, c.first_name, c.last_name, c.birth_date,"
                + " a.code, u.code, u.id, b.day, b.status, b.surcharged, b.unbooked"
                + " from booking b join child c on c.id = b.child_id join family f on f.id = c.family_id"
                + " join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                + " join regie_activity ra on ra.activity_id = a.id join regie r on r.id = ra.regie_id"
                + " where r.code = ?1 and b.day between ?2 and ?3"
                + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED')"
                + " and not exists (select 1 from billed_day d where d.child_id = b.child_id and d.unit_id = b.unit_id"
                + " and d.day = b.day)"
                + " order by f.label, f.id, b.day, b.id")
                .setParameter(1, regieCode).setParameter(2, from).setParameter(3, to).getResultList();
        Map<Long, Object[]> families = new LinkedHashMap<>();
        Map<Long, List<Row>> byFamily = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long family = ((Number) r[0]).longValue();
            families.putIfAbsent(family, r);
            byFamily.computeIfAbsent(family, k -> new ArrayList<>()).add(row(r));
        }
        List<FamilyInvoice> drafts = new ArrayList<>();
        byFamily.forEach((family, events) -> drafts.add(draft(rules, tariffs, families.get(family), events)));
        return drafts;
    }

    private static Row row(Object[] r) {
        long child = ((Number) r[8]).longValue();
        String activity = (String) r[12];
        String unit = (String) r[13];
        LocalDate day = date(r[15]);
        String status = (String) r[16];
        boolean surcharged = Boolean.TRUE.equals(r[17]) || "BOOKED_LATE".equals(status);
        boolean unbooked = Boolean.TRUE.equals(r[18]);
        Attendance attendance = switch (status) {
            case "PRESENT" -> Attendance.PRESENT;
            case "ABSENT_EXCUSED" -> Attendance.ABSENT_EXCUSED;
            case "ABSENT_BILLED" -> Attendance.ABSENT_UNEXCUSED;
            default -> Attendance.NOT_RECORDED;
        };
        DayEvent event = new DayEvent(child, activity, unit, day, !unbooked, surcharged && !unbooked, attendance);
        return new Row(child, r[9] + " " + r[10], date(r[11]), activity, unit, ((Number) r[14]).longValue(), event);
    }

    private static FamilyInvoice draft(BillingSettings rules, List<Tariff> tariffs, Object[] f, List<Row> events) {
        FamilyFacts facts = new FamilyFacts(f[2] == null ? null : ((Number) f[2]).intValue(), date(f[3]),
                f[4] == null ? null : QfSource.valueOf((String) f[4]), f[5] == null ? null : ((Number) f[5]).longValue(),
                rules.isResident((String) f[6], (Boolean) f[7]));
        Map<Long, Integer> ranks = Siblings.ranks(events.stream().map(e -> new Siblings.Child(e.childId(), e.birth())).toList());
        Map<Long, String> names = new LinkedHashMap<>();
        Map<String, Long> units = new LinkedHashMap<>();
        List<PricedLine> priced = new ArrayList<>();
        Set<String> anomalies = new LinkedHashSet<>();
        for (Row e : events) {
            names.put(e.childId(), e.childName());
            units.put(e.activity() + "/" + e.unit(), e.unitId());
            Optional<Tariff> tariff = Tariffs.inForce(tariffs, e.activity(), e.unit(), e.event().day());
            String where = e.childName() + ", " + e.activity() + " " + e.unit() + " du " + DAY.format(e.event().day());
            if (tariff.isEmpty()) {
                anomalies.add(Anomaly.NO_TARIFF.label() + " : " + where);
                continue;
            }
            PricedLine line = Pricing.price(rules, tariff.get(), facts, ranks.get(e.childId()), e.event());
            priced.add(line);
            for (Anomaly a : line.anomalies()) {
                anomalies.add(a == Anomaly.QF_MISSING ? a.label() : a.label() + " : " + where);
            }
        }
        return new FamilyInvoice(((Number) f[0]).longValue(), (String) f[1], InvoiceCalculator.draft(priced),
                new ArrayList<>(anomalies), names, units);
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
