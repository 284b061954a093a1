package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.DayEvent;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.PricedLine;
import fr.portailfamille.billing.Pricing;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One tariff as a family reads it on "Consulter les tarifs": the grid of the commune's QF brackets (or the
 * effort rate with its floor and ceiling), the family's own bracket marked, the price the family pays for
 * one unit-day today computed by {@link Pricing} (QF and its proof, residency; eldest child), whether the
 * maximum tariff applies and why, and the other rules in words (siblings, late bookings, absences,
 * presence without booking). Pure.
 *
 * <p>Its texts are {@link Message}s read in the page's language: its own (the rules, the effort rate, the grid's
 * maximum row) of the bundle {@value Refused#BUNDLE}; the {@code basis}, the {@code maximumReason} and the bounds of
 * the brackets {@link Pricing}'s and {@link QfBracket}'s, whose French the invoices' lines store.
 *
 * @param activityName the activity's name
 * @param units the units it applies to, e.g. "Midi" or "Matin, Soir"
 * @param validFrom the day the tariff applies from
 * @param effortRate whether the price is an effort rate (no bracket grid)
 * @param rows the brackets with their prices, then the maximum tariff (by brackets)
 * @param effortText the effort rate in words (effort rate only, {@code null} otherwise)
 * @param priceCents what the family pays for one unit-day
 * @param basis how that price was found ({@link Pricing#inWords})
 * @param maximum whether the maximum tariff applies to the family
 * @param maximumReason why it applies (QF missing, proof expired…), {@code null} otherwise
 * @param notes the other rules of the tariff, in words
 */
public record TariffSheet(String activityName, String units, LocalDate validFrom, boolean effortRate, List<Row> rows,
        Message effortText, long priceCents, Message basis, boolean maximum, Message maximumReason, List<Message> notes) {

    /**
     * A row of the grid.
     *
     * @param label "Tranche 2" (the bracket's label, a literal), or "Tarif maximum"
     * @param range "QF de 451 à 700" (the bracket's bounds, "QF from 451 to 700" in English), or when the maximum applies
     * @param priceCents the price, {@code null} when the tariff has none for this bracket
     * @param family whether it is the family's row
     */
    public record Row(String code, Message label, Message range, Long priceCents, boolean family) {

        public String getCode() { return code; }
        public Message getLabel() { return label; }
        public Message getRange() { return range; }
        public Long getPriceCents() { return priceCents; }
        public boolean isFamily() { return family; }
    }

    public TariffSheet {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** The sheet of {@code tariff} for a family with {@code facts} on {@code day}. */
    public static TariffSheet of(BillingSettings settings, Tariff tariff, FamilyFacts facts, LocalDate day, String activityName,
            String units) {
        PricedLine p = Pricing.price(settings, tariff, facts, 1,
                DayEvent.present(0, tariff.activity(), tariff.unit() == null ? "" : tariff.unit(), day));
        Pricing.InWords words = Pricing.inWords(settings, tariff, facts, day);
        boolean maximum = words.maximumReason() != null;
        List<Row> rows = new ArrayList<>();
        Message effortText = null;
        if (tariff.mode() == Tariff.Mode.EFFORT_RATE) {
            effortText = Refused.text("billing.tarifs.effort", Money.percentage(tariff.effortRatePercent()),
                    Money.amount(tariff.floorCents()), Money.amount(tariff.ceilingCents()));
        } else {
            for (QfBracket b : settings.brackets()) {
                rows.add(new Row(b.code(), Message.literal(b.label()), b.rangeWords(),
                        tariff.priceOf(b.code()).orElse(null), !maximum && b.code().equals(p.bracket())));
            }
            rows.add(new Row(null, Refused.text("billing.tarifs.maximum"), Refused.text("billing.tarifs.maximum.range"),
                    tariff.maximumCents(), maximum));
        }
        return new TariffSheet(activityName, units, tariff.validFrom(), tariff.mode() == Tariff.Mode.EFFORT_RATE, rows,
                effortText, p.unitPriceCents(), words.basis(), maximum, words.maximumReason(), notes(tariff, facts));
    }

    static List<Message> notes(Tariff t, FamilyFacts facts) {
        List<Message> notes = new ArrayList<>();
        if (t.nonResident() != null) {
            Message price = describe(t.nonResident(), true);
            notes.add(facts.resident() ? Refused.text("billing.tarifs.note.nonResident", price)
                    : Refused.text("billing.tarifs.note.nonResident.yours", price));
        }
        if (t.siblingSecondPercent() != null || t.siblingThirdPercent() != null) {
            List<Message> s = new ArrayList<>();
            if (t.siblingSecondPercent() != null && t.siblingSecondPercent().signum() > 0) {
                s.add(Refused.text("billing.tarifs.sibling.second", Money.percentage(t.siblingSecondPercent())));
            }
            if (t.siblingThirdPercent() != null && t.siblingThirdPercent().signum() > 0) {
                s.add(Refused.text("billing.tarifs.sibling.third", Money.percentage(t.siblingThirdPercent())));
            }
            if (!s.isEmpty()) {
                notes.add(Refused.text("billing.tarifs.note.siblings",
                        Message.written(l -> s.stream().map(m -> m.in(l)).collect(Collectors.joining(", ")))));
            }
        }
        if (t.lateSurcharge() != null) {
            notes.add(Refused.text("billing.tarifs.note.late", describe(t.lateSurcharge(), false)));
        }
        notes.add(t.unexcusedAbsenceBilled() ? Refused.text("billing.tarifs.note.absence.billed")
                : Refused.text("billing.tarifs.note.absence.notBilled"));
        if (t.unbookedPresenceCents() != null) {
            notes.add(Refused.text("billing.tarifs.note.unbooked", Money.amount(t.unbookedPresenceCents())));
        }
        return notes;
    }

    /** An adjustment in words: "majoration de 20 %", "majoration de 1,50 €", "prix de 5,00 €", "tarif hors commune de 5,00 €". */
    static Message describe(Adjustment a, boolean nonResident) {
        return switch (a.kind()) {
            case PERCENT -> Refused.text("billing.tarifs.adjustment.percent", Money.percentage(a.percent()));
            case FIXED -> Refused.text("billing.tarifs.adjustment.fixed", Money.amount(a.cents()));
            case PRICE -> nonResident ? Refused.text("billing.tarifs.adjustment.nonResidentPrice", Money.amount(a.cents()))
                    : Refused.text("billing.tarifs.adjustment.price", Money.amount(a.cents()));
        };
    }

    public String getActivityName() { return activityName; }
    public String getUnits() { return units; }
    public LocalDate getValidFrom() { return validFrom; }
    public boolean isEffortRate() { return effortRate; }
    public List<Row> getRows() { return rows; }
    public Message getEffortText() { return effortText; }
    public long getPriceCents() { return priceCents; }
    public Message getBasis() { return basis; }
    public boolean isMaximum() { return maximum; }
    public Message getMaximumReason() { return maximumReason; }
    public List<Message> getNotes() { return notes; }
}
