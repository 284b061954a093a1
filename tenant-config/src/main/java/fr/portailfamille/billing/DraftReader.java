package fr.portailfamille.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what an invoicing run bills of a régie's period — the bookings, pointage and absences of the
 * activities it bills not yet billed ({@code billed_day}) nor paid by a porte-monnaie ({@code wallet_booking}), each family's facts, the children's ranks —
 * in one query on the connection's commune schema (its search path), and prices it with the rules
 * ({@link Pricing}, {@link InvoiceCalculator}). The platform's run and the invoicing benchmark both call
 * it; no pricing rule lives here.
 */
public final class DraftReader {

    static final String QUERY = "select f.id, f.label, f.quotient_familial, f.qf_proof_date, f.qf_source,"
            + " f.monthly_resources_cents, f.postcode, f.resident_override, c.id, c.first_name, c.last_name, c.birth_date,"
            + " a.code, u.code, u.id, b.day, b.status, b.surcharged, b.unbooked"
            + " from booking b join child c on c.id = b.child_id join family f on f.id = c.family_id"
            + " join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
            + " join regie_activity ra on ra.activity_id = a.id join regie r on r.id = ra.regie_id"
            + " where r.code = ? and b.day between ? and ?"
            + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED')"
            + " and not exists (select 1 from billed_day d where d.child_id = b.child_id and d.unit_id = b.unit_id"
            + " and d.day = b.day)"
            // a day paid in advance by the family's porte-monnaie is not invoiced again
            + " and not exists (select 1 from wallet_booking w where w.booking_id = b.id)"
            + " order by f.label, f.id, b.day, b.id";

    private DraftReader() {
    }

    private record Facts(long id, String label, Integer qf, LocalDate proof, String source, Long resources,
            String postcode, Boolean residentOverride) {
    }

    private record Row(long childId, String childName, LocalDate birth, String activity, String unit, long unitId,
            DayEvent event, Optional<Tariff> tariff) {
    }

    /** Every family's draft for régie {@code regieCode} from {@code from} to {@code to}, by family name. */
    public static List<FamilyInvoice> drafts(Connection c, BillingConfiguration billing, String regieCode, LocalDate from,
            LocalDate to) throws SQLException {
        BillingSettings rules = billing.settings();
        List<Tariff> tariffs = billing.tariffs();
        Map<Long, Facts> families = new LinkedHashMap<>();
        Map<Long, List<Row>> byFamily = new LinkedHashMap<>();
        // what repeats on every row of a child (name, birth date) or of a unit-day (its tariff) is read once
        Map<Long, Row> children = new HashMap<>();
        Map<String, Optional<Tariff>> tariffOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setFetchSize(2000);
            ps.setString(1, regieCode);
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long family = rs.getLong(1);
                    List<Row> rows = byFamily.get(family);
                    if (rows == null) {
                        families.put(family, new Facts(family, rs.getString(2), (Integer) rs.getObject(3),
                                rs.getObject(4, LocalDate.class), rs.getString(5), (Long) rs.getObject(6),
                                rs.getString(7), (Boolean) rs.getObject(8)));
                        rows = new ArrayList<>();
                        byFamily.put(family, rows);
                    }
                    rows.add(row(rs, children, tariffs, tariffOf));
                }
            }
        }
        List<FamilyInvoice> drafts = new ArrayList<>(byFamily.size());
        byFamily.forEach((family, events) -> drafts.add(draft(rules, families.get(family), events)));
        return drafts;
    }

    private static Row row(ResultSet rs, Map<Long, Row> children, List<Tariff> tariffs, Map<String, Optional<Tariff>> tariffOf)
            throws SQLException {
        long child = rs.getLong(9);
        String activity = rs.getString(13);
        String unit = rs.getString(14);
        String dayText = rs.getString(16);
        LocalDate day = LocalDate.parse(dayText);
        String status = rs.getString(17);
        boolean surcharged = rs.getBoolean(18) || "BOOKED_LATE".equals(status);
        boolean unbooked = rs.getBoolean(19);
        Attendance attendance = switch (status) {
            case "PRESENT" -> Attendance.PRESENT;
            case "ABSENT_EXCUSED" -> Attendance.ABSENT_EXCUSED;
            case "ABSENT_BILLED" -> Attendance.ABSENT_UNEXCUSED;
            default -> Attendance.NOT_RECORDED;
        };
        DayEvent event = new DayEvent(child, activity, unit, day, !unbooked, surcharged && !unbooked, attendance);
        Row known = children.get(child);
        String name = known != null ? known.childName() : rs.getString(10) + " " + rs.getString(11);
        LocalDate birth = known != null ? known.birth() : rs.getObject(12, LocalDate.class);
        Optional<Tariff> tariff = tariffOf.computeIfAbsent(activity + "/" + unit + "/" + dayText,
                k -> Tariffs.inForce(tariffs, activity, unit, day));
        Row row = new Row(child, name, birth, activity, unit, rs.getLong(15), event, tariff);
        if (known == null) {
            children.put(child, row);
        }
        return row;
    }

    private static String where(Row e) {
        LocalDate day = e.event().day();
        int d = day.getDayOfMonth();
        int m = day.getMonthValue();
        // by hand, not DateTimeFormatter: dd/MM/yyyy for each booked day without pointage of a régie's month
        return e.childName() + ", " + e.activity() + " " + e.unit() + " du " + (d < 10 ? "0" : "") + d + "/" + (m < 10 ? "0" : "")
                + m + "/" + day.getYear();
    }

    private static FamilyInvoice draft(BillingSettings rules, Facts f, List<Row> events) {
        FamilyFacts facts = new FamilyFacts(f.qf(), f.proof(), f.source() == null ? null : QfSource.valueOf(f.source()),
                f.resources(), rules.isResident(f.postcode(), f.residentOverride()));
        Map<Long, Integer> ranks = Siblings.ranks(events.stream().map(e -> new Siblings.Child(e.childId(), e.birth())).toList());
        Map<Long, String> names = new LinkedHashMap<>();
        Map<String, Long> units = new LinkedHashMap<>();
        List<PricedLine> priced = new ArrayList<>();
        Set<String> anomalies = new LinkedHashSet<>();
        Pricing.Memo pricing = new Pricing.Memo(rules, facts);
        for (Row e : events) {
            names.put(e.childId(), e.childName());
            units.put(e.activity() + "/" + e.unit(), e.unitId());
            Optional<Tariff> tariff = e.tariff();
            if (tariff.isEmpty()) {
                anomalies.add(Anomaly.NO_TARIFF.label() + " : " + where(e));
                continue;
            }
            PricedLine line = pricing.price(tariff.get(), ranks.get(e.childId()), e.event());
            priced.add(line);
            for (Anomaly a : line.anomalies()) {
                anomalies.add(a == Anomaly.QF_MISSING ? a.label() : a.label() + " : " + where(e));
            }
        }
        return new FamilyInvoice(f.id(), f.label(), InvoiceCalculator.draft(priced), new ArrayList<>(anomalies), names, units);
    }
}
