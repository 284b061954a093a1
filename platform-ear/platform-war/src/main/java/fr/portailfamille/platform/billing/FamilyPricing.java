package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.QfSource;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Siblings;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariffs;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityCatalog;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a family pays, by the invoice's rules, before any invoice: the tariffs of the activities it may
 * book with its own price ("Consulter les tarifs"), and the price of a planning selection before
 * "Confirmer". The family's facts (QF, proof date, resources, residency) are read as {@link DraftInvoices}
 * reads them, the billing configuration once per call ({@link CommuneSettings#billing}). The family's
 * own file only: the caller is the signed-in parent.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyPricing {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    ActivityCatalog catalog;

    @Inject
    CommuneSettings settings;

    Clock clock = PlatformTime.clock();

    /**
     * The tariffs page: one sheet per tariff in force today of each activity offered to one of the
     * family's children (every activity when the file has no child yet), the activities without a
     * tariff, and the family's facts.
     */
    public record Tarifs(List<TariffSheet> sheets, List<String> withoutTariff, FamilyFacts facts, Integer qfValidityMonths) {
    }

    public Tarifs tarifs(SignedInUser user) {
        Family family = files.fileOf(user);
        BillingConfiguration billing = settings.billing();
        FamilyFacts facts = facts(family, billing.settings());
        LocalDate today = PlatformTime.today(clock);
        List<Child> children = family.getChildren();
        List<TariffSheet> sheets = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Activity a : catalog.activities()) {
            // an activity whose last day has passed is no longer offered (RegistrationService.offersFor)
            if (a.endedBy(today) || !children.isEmpty() && children.stream().noneMatch(c -> offered(a, c, today))) {
                continue;
            }
            // the units sharing one tariff in force are shown together; then the next tariff of each unit, dated (the
            // planning's summary already prices its days)
            Map<Tariff, List<String>> byTariff = new LinkedHashMap<>();
            Map<Tariff, List<String>> upcoming = new LinkedHashMap<>();
            for (ActivityUnit u : catalog.unitsOf(a.getId())) {
                Tariffs.inForce(billing.tariffs(), a.getCode(), u.getCode(), today)
                        .ifPresent(t -> byTariff.computeIfAbsent(t, k -> new ArrayList<>()).add(u.getLabel()));
                billing.tariffs().stream().filter(t -> t.activity().equals(a.getCode())
                                && (t.unit() == null || t.unit().equals(u.getCode())) && t.validFrom().isAfter(today))
                        .map(Tariff::validFrom).min(java.util.Comparator.naturalOrder())
                        .flatMap(next -> Tariffs.inForce(billing.tariffs(), a.getCode(), u.getCode(), next))
                        .ifPresent(t -> upcoming.computeIfAbsent(t, k -> new ArrayList<>()).add(u.getLabel()));
            }
            if (byTariff.isEmpty() && upcoming.isEmpty()) {
                without.add(a.getName());
            }
            byTariff.forEach((t, units) -> sheets.add(TariffSheet.of(billing.settings(), t, facts, today, a.getName(),
                    String.join(", ", units))));
            upcoming.forEach((t, units) -> sheets.add(TariffSheet.of(billing.settings(), t, facts, t.validFrom(),
                    a.getName(), String.join(", ", units))));
        }
        return new Tarifs(sheets, without, facts, billing.settings().qfValidityMonths());
    }

    private static boolean offered(Activity a, Child c, LocalDate today) {
        if (c.getBirthDate() == null) {
            return a.getMinAge() == null && a.getMaxAge() == null;
        }
        return a.accepts(Period.between(c.getBirthDate(), today).getYears(), c.getSchoolClass());
    }

    /**
     * The price of a child's selected bookings of one activity: the family's facts, the child's rank
     * among the family's children with bookings billed by the same régie in each month (registered to its activities
     * for a porte-monnaie régie), the tariffs in force on each day. Three reads: the facts, the ranks, the billing
     * configuration.
     */
    public SelectionEstimate estimate(SignedInUser user, long childId, String activityCode, List<SelectionEstimate.Item> items) {
        return estimate(files.fileOf(user), childId, activityCode, items, Map.of());
    }

    /**
     * {@link #estimate(SignedInUser, long, String, List)} of one child among several booked together: {@code selection}
     * holds, for each child of the family in the same selection, the months each activity's bookings fall in; a brother
     * or sister booked with it by the same régie that month counts in its rank as a booking already made does (the
     * invoice ranks them so).
     */
    public SelectionEstimate estimate(SignedInUser user, long childId, String activityCode, List<SelectionEstimate.Item> items,
                                      Map<Long, Map<String, Set<YearMonth>>> selection) {
        return estimate(files.fileOf(user), childId, activityCode, items, selection);
    }

    /**
     * {@link #estimate(SignedInUser, long, String, List)} for family {@code familyId}, whoever asks: the porte-monnaie
     * prices a booking so when it is confirmed (the caller has checked the family's own booking).
     */
    public SelectionEstimate estimate(long familyId, long childId, String activityCode, List<SelectionEstimate.Item> items) {
        return estimate(em.find(Family.class, familyId), childId, activityCode, items, Map.of());
    }

    private SelectionEstimate estimate(Family family, long childId, String activityCode, List<SelectionEstimate.Item> items,
                                       Map<Long, Map<String, Set<YearMonth>>> selection) {
        Child child = family.getChildren().stream().filter(c -> c.getId() != null && c.getId() == childId).findFirst()
                .orElseThrow(() -> new Refused(Refused.text("billing.pricing.notYourChild")));
        if (items.isEmpty()) {
            return SelectionEstimate.of(BillingSettings.none(), List.of(), null, m -> 1, items);
        }
        BillingConfiguration billing = settings.billing();
        FamilyFacts facts = facts(family, billing.settings());
        List<String> activities = billing.regieOf(activityCode).map(Regie::activities).orElse(List.of(activityCode));
        LocalDate from = items.stream().map(SelectionEstimate.Item::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = items.stream().map(SelectionEstimate.Item::day).max(Comparator.naturalOrder()).orElseThrow();
        Map<YearMonth, Integer> ranks = billing.regieOf(activityCode).filter(Regie::isWallet).isPresent()
                ? registeredRanks(family, child, activities, items)
                : ranks(family, child, activities, YearMonth.from(from), YearMonth.from(to), items, selection);
        return SelectionEstimate.of(billing.settings(), billing.tariffs(), facts, SelectionEstimate.ranks(ranks), items);
    }

    /**
     * The child's rank in each month of the selection among the family's children with live bookings of
     * the régie's activities that month, the child counted in every month it selects (one query).
     */
    private Map<YearMonth, Integer> ranks(Family family, Child child, List<String> activities, YearMonth first, YearMonth last,
            List<SelectionEstimate.Item> items, Map<Long, Map<String, Set<YearMonth>>> selection) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct c.id, c.birth_date, cast(date_trunc('month', b.day) as date)"
                + " from booking b join child c on c.id = b.child_id join activity_unit u on u.id = b.unit_id"
                + " join activity a on a.id = u.activity_id where c.family_id = ?1 and a.code = any(cast(?2 as varchar[]))"
                + " and b.day between ?3 and ?4"
                + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_BILLED', 'PENDING_VALIDATION')")
                .setParameter(1, family.getId()).setParameter(2, codes(activities))
                .setParameter(3, first.atDay(1)).setParameter(4, last.atEndOfMonth()).getResultList();
        Map<YearMonth, List<Siblings.Child>> byMonth = new HashMap<>();
        for (Object[] r : rows) {
            byMonth.computeIfAbsent(YearMonth.from(DraftInvoices.date(r[2])), k -> new ArrayList<>())
                    .add(new Siblings.Child(((Number) r[0]).longValue(), DraftInvoices.date(r[1])));
        }
        // the brothers and sisters booked in the same selection by the régie's activities, in their months
        for (Child sibling : family.getChildren()) {
            if (sibling.getId() == null || sibling.getId().equals(child.getId())) {
                continue;
            }
            selection.getOrDefault(sibling.getId(), Map.of()).forEach((code, months) -> {
                if (activities.contains(code)) {
                    months.forEach(m -> byMonth.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(new Siblings.Child(sibling.getId(), sibling.getBirthDate())));
                }
            });
        }
        Map<YearMonth, Integer> ranks = new HashMap<>();
        for (YearMonth m : items.stream().map(i -> YearMonth.from(i.day())).collect(Collectors.toSet())) {
            List<Siblings.Child> children = new ArrayList<>(byMonth.getOrDefault(m, List.of()));
            children.add(new Siblings.Child(child.getId(), child.getBirthDate()));
            ranks.put(m, Siblings.ranks(children).get(child.getId()));
        }
        return ranks;
    }

    /**
     * The child's rank among the family's children registered (validated) to one of a porte-monnaie régie's activities,
     * the child counted: each day is paid when booked, so its rank cannot wait for the month's other bookings as an
     * invoice's does — were it the bookings made so far, the younger of two children booked first would pay the full price
     * and keep it once the elder is booked (one query).
     */
    private Map<YearMonth, Integer> registeredRanks(Family family, Child child, List<String> activities,
            List<SelectionEstimate.Item> items) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct c.id, c.birth_date from registration r"
                + " join child c on c.id = r.child_id join activity a on a.id = r.activity_id where c.family_id = ?1"
                + " and a.code = any(cast(?2 as varchar[])) and r.status = 'VALIDATED'")
                .setParameter(1, family.getId()).setParameter(2, codes(activities)).getResultList();
        List<Siblings.Child> children = new ArrayList<>();
        for (Object[] r : rows) {
            children.add(new Siblings.Child(((Number) r[0]).longValue(), DraftInvoices.date(r[1])));
        }
        if (children.stream().noneMatch(c -> c.id() == child.getId())) {
            children.add(new Siblings.Child(child.getId(), child.getBirthDate()));
        }
        int rank = Siblings.ranks(children).get(child.getId());
        Map<YearMonth, Integer> ranks = new HashMap<>();
        items.forEach(i -> ranks.put(YearMonth.from(i.day()), rank));
        return ranks;
    }

    /** Activity codes as a PostgreSQL {@code varchar[]} literal. */
    private static String codes(List<String> activities) {
        return "{" + String.join(",", activities.stream().map(a -> '"' + a.replace("\"", "") + '"').toList()) + "}";
    }

    /** The family's facts as the invoicing run reads them (QF, proof, source, resources, residency). */
    private FamilyFacts facts(Family family, BillingSettings rules) {
        if (family.getId() == null) {
            return new FamilyFacts(family.getQuotientFamilial(), null, null, null,
                    rules.isResident(family.getPostcode(), null));
        }
        Object[] f = (Object[]) em.createNativeQuery("select quotient_familial, qf_proof_date, qf_source,"
                + " monthly_resources_cents, postcode, resident_override from family where id = ?1")
                .setParameter(1, family.getId()).getSingleResult();
        return new FamilyFacts(f[0] == null ? null : ((Number) f[0]).intValue(), DraftInvoices.date(f[1]),
                f[2] == null ? null : QfSource.valueOf((String) f[2]), f[3] == null ? null : ((Number) f[3]).longValue(),
                rules.isResident((String) f[4], (Boolean) f[5]));
    }
}
