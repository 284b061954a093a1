package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariffs;
import fr.portailfamille.billing.wallet.WalletRules;
import fr.portailfamille.platform.billing.FamilyPricing;
import fr.portailfamille.platform.billing.SelectionEstimate;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.platform.booking.BookingCharges;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Bookings paid by the porte-monnaie, in the booking's transaction: a booking of a porte-monnaie régie's activity
 * is debited when it is confirmed at its price of the day ({@link FamilyPricing}, the invoice's rules), refused
 * when the balance would fall below the régie's floor; when its status changes, its money goes back or is taken
 * again as {@link WalletRules#after} says. Bookings of régies invoiced after the fact are left alone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class WalletCharges implements BookingCharges {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    @Inject
    WalletLedger ledger;

    @Inject
    FamilyPricing pricing;

    @Override
    public void lock(long familyId, Activity activity) {
        WalletRegie.billing(settings.billing(), activity.getCode())
                .flatMap(r -> ledger.regieId(r.code()))
                .ifPresent(regie -> ledger.lock(familyId, regie));
    }

    /**
     * Why a booking cannot be paid is a text of the bundles ({@code refusals}, {@code problems}), read in the parent's
     * language where the booking's outcome is shown (the price and the balance as amounts of that language).
     */
    @Override
    public Optional<Message> charge(Booking b) {
        BillingConfiguration billing = settings.billing();
        Activity activity = b.getUnit().getActivity();
        Optional<WalletRegie> regie = WalletRegie.billing(billing, activity.getCode());
        if (regie.isEmpty()) {
            return Optional.empty();
        }
        WalletRegie r = regie.get();
        long familyId = b.getChild().getFamily().getId();
        Optional<WalletLedger.Locked> wallet = ledger.regieId(r.code()).flatMap(id -> ledger.lock(familyId, id));
        if (wallet.isEmpty()) {
            return Optional.of(WalletRules.notActivated(r.label()));
        }
        em.flush(); // the booking's id
        SelectionEstimate.Line line = dayPrice(familyId, b, b.isSurcharged());
        if (line == null || line.priceCents() == null) {
            return Optional.of(Refused.text("billing.wallet.noTariff", activity.getName(), DAY.format(b.getDay())));
        }
        long price = line.priceCents();
        WalletLedger.Locked locked = wallet.get();
        if (!WalletRules.affordable(locked.balanceCents(), price, r.floorCents())) {
            return Optional.of(WalletRules.refusal(r.label(), locked.balanceCents(), price, r.floorCents()));
        }
        debit(locked, b, price, line.bracketCode(), line.label());
        return Optional.empty();
    }

    /** The day's price for the family as an invoice would bill it ({@code FamilyPricing}); null without a tariff. */
    private SelectionEstimate.Line dayPrice(long familyId, Booking b, boolean surcharged) {
        Activity activity = b.getUnit().getActivity();
        String key = b.getUnit().getId() + "|" + b.getDay();
        return pricing.estimate(familyId, b.getChild().getId(), activity.getCode(), List.of(new SelectionEstimate.Item(key,
                activity.getCode(), b.getUnit().getCode(), b.getDay(), surcharged))).line(key);
    }

    /**
     * Debits {@code price} for booking {@code b} ({@code why} in the movement's words) and keeps what it paid with the
     * bracket, for the régie's CAF summary as an invoice line keeps it.
     */
    private void debit(WalletLedger.Locked wallet, Booking b, long price, String bracket, String why) {
        if (price > 0) {
            ledger.move(wallet, "DEBIT", -price, b.getId(), null, null, what(b) + " (" + why + ")", actor(b));
        }
        em.createNativeQuery("insert into wallet_booking (booking_id, wallet_id, amount_cents, bracket_code)"
                        + " values (?1, ?2, ?3, cast(?4 as varchar))")
                .setParameter(1, b.getId()).setParameter(2, wallet.id()).setParameter(3, price)
                .setParameter(4, bracket).executeUpdate();
    }

    @Override
    public void statusChanged(Booking b) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select wallet_id, amount_cents, debited from wallet_booking"
                + " where booking_id = ?1").setParameter(1, b.getId()).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        long walletId = ((Number) rows.get(0)[0]).longValue();
        WalletLedger.Locked w = ledger.lock(walletId).orElseThrow();
        // read again under the lock: another transaction may have moved it meanwhile
        Object[] row = (Object[]) em.createNativeQuery("select amount_cents, debited from wallet_booking where booking_id = ?1")
                .setParameter(1, b.getId()).getSingleResult();
        long amount = ((Number) row[0]).longValue();
        boolean debited = (Boolean) row[1];
        Activity activity = b.getUnit().getActivity();
        boolean unexcusedBilled = Tariffs.unexcusedAbsenceBilled(settings.billing().tariffs(), activity.getCode(),
                b.getUnit().getCode(), b.getDay());
        WalletRules.Move move = WalletRules.after(b.getStatus(), unexcusedBilled, debited);
        if (move == WalletRules.Move.NONE) {
            return;
        }
        boolean refund = move == WalletRules.Move.REFUND;
        if (amount != 0) {
            ledger.move(w, refund ? "REFUND" : "DEBIT", refund ? amount : -amount, b.getId(), null, null,
                    (refund ? "Remboursement : " : "Débit à nouveau : ") + what(b) + " (" + statusWords(b) + ")", actor(b));
        }
        em.createNativeQuery("update wallet_booking set debited = ?2 where booking_id = ?1").setParameter(1, b.getId())
                .setParameter(2, !refund).executeUpdate();
    }

    @Override
    public void presentWithoutBooking(Booking b) {
        BillingConfiguration billing = settings.billing();
        Activity activity = b.getUnit().getActivity();
        Optional<WalletRegie> regie = WalletRegie.billing(billing, activity.getCode());
        if (regie.isEmpty()) {
            return;
        }
        long familyId = b.getChild().getFamily().getId();
        Optional<WalletLedger.Locked> wallet = ledger.regieId(regie.get().code()).flatMap(id -> ledger.lock(familyId, id));
        if (wallet.isEmpty()) {
            return;
        }
        Long price = Tariffs.inForce(billing.tariffs(), activity.getCode(), b.getUnit().getCode(), b.getDay())
                .map(Tariff::unbookedPresenceCents).orElse(null);
        String bracket = null;
        em.flush(); // the booking's id
        if (price == null) {
            // no penalty price: the day's own, as the invoice would bill it
            SelectionEstimate.Line line = dayPrice(familyId, b, false);
            if (line == null || line.priceCents() == null) {
                return; // no tariff that day: the invoicing run lists it among its anomalies
            }
            price = line.priceCents();
            bracket = line.bracketCode();
        }
        debit(wallet.get(), b, price, bracket, "présence sans réservation");
    }

    private static String what(Booking b) {
        return b.getChild().getFirstName() + ", " + b.getUnit().getActivity().getName() + " " + b.getUnit().getLabel()
                + " du " + DAY.format(b.getDay());
    }

    private static String statusWords(Booking b) {
        return switch (b.getStatus()) {
            // the commune closed the day: its reason ("Accueil fermé : Grève"), not the family's cancellation
            case CANCELLED_FREE -> b.getRefusalReason() != null ? b.getRefusalReason() : "annulée à temps";
            case REFUSED -> "refusée par le service";
            case ABSENT_EXCUSED -> "absence justifiée";
            case ABSENT_BILLED -> "absence non justifiée";
            case PRESENT -> "présent";
            default -> b.getStatus().name().toLowerCase();
        };
    }

    private static String actor(Booking b) {
        return "réservation " + b.getId();
    }
}
