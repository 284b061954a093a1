package fr.portailfamille.platform.billing.wallet;

import static fr.portailfamille.platform.kernel.TestEntities.instance;
import static fr.portailfamille.platform.kernel.TestEntities.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.wallet.WalletRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.billing.FamilyPricing;
import fr.portailfamille.platform.billing.SelectionEstimate;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.problems.Message;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A booking the porte-monnaie cannot pay is refused with a text the planning shows in its language (French for the
 * API): a porte-monnaie not activated, a day without tariff, a balance that would go below the régie's floor. The
 * charge runs on fakes: the commune's billing configuration, a ledger and a pricing answering what each case needs.
 */
class WalletChargesTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    static final Regie SPORTS = new Regie("SPORT", "Régie des sports", "SP", null, null, null, List.of("FOOT"), null, null,
            Regie.Collection.WALLET, 0, null);
    static final Regie ALSH = new Regie("ALSH", "Régie ALSH", "AL", null, null, null, List.of("ALSH"), null);
    /** By brackets, none given: a family without QF pays the maximum, 5,00 €. */
    static final Tariff FOOT = new Tariff("FOOT", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS, List.of(), 500L,
            null, null, null, null, null, null, null, true, null);

    /** The charge of a porte-monnaie holding {@code balance} (none: not activated), days priced by {@code tariffs}. */
    static WalletCharges charges(Optional<Long> balance, List<Tariff> tariffs) {
        WalletCharges c = new WalletCharges();
        BillingConfiguration billing = new BillingConfiguration(BillingSettings.none(), List.of(SPORTS, ALSH), tariffs);
        c.settings = new fr.portailfamille.platform.configuration.CommuneSettings() {
            @Override
            public BillingConfiguration billing() {
                return billing;
            }
        };
        c.em = proxy(EntityManager.class, "flush", null);
        c.ledger = new WalletLedger() {
            @Override
            public Optional<Long> regieId(String code) {
                return Optional.of(3L);
            }

            @Override
            public Optional<Locked> lock(long familyId, long regieId) {
                return balance.map(cents -> new Locked(9, familyId, regieId, cents, false));
            }
        };
        c.pricing = new FamilyPricing() {
            @Override
            public SelectionEstimate estimate(long familyId, long childId, String activityCode, List<SelectionEstimate.Item> items) {
                return SelectionEstimate.of(billing.settings(), tariffs, new FamilyFacts(null, null, null, null, true),
                        month -> 1, items);
            }
        };
        return c;
    }

    /** An implementation of {@code type} whose method {@code name} answers {@code value}; any other call fails. */
    static <T> T proxy(Class<T> type, String name, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().equals(name)) {
                return value;
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    /** A booking of {@code activity} on {@link #DAY} for a child of family 5 (built as the persistence layer does). */
    static Booking booking(String activity) throws ReflectiveOperationException {
        Family family = new Family("Famille Martin", "m@alpha.test");
        set(family, "id", 5L);
        Constructor<Child> child = Child.class.getDeclaredConstructor(Family.class, String.class, String.class, LocalDate.class);
        child.setAccessible(true);
        Child lea = child.newInstance(family, "Léa", "Martin", LocalDate.of(2018, 3, 2));
        set(lea, "id", 6L);
        Activity a = instance(Activity.class);
        set(a, "code", activity);
        set(a, "name", "Football");
        ActivityUnit unit = instance(ActivityUnit.class);
        set(unit, "id", 4L);
        set(unit, "activity", a);
        set(unit, "code", "MERC");
        Constructor<Booking> b = Booking.class.getDeclaredConstructor(Child.class, ActivityUnit.class, LocalDate.class,
                BookingStatus.class, boolean.class);
        b.setAccessible(true);
        return b.newInstance(lea, unit, DAY, BookingStatus.BOOKED, false);
    }


    @Test
    void aPorteMonnaieNotActivatedRefusesTheBookingInThePagesLanguage() throws Exception {
        Message why = charges(Optional.empty(), List.of(FOOT)).charge(booking("FOOT")).orElseThrow();
        assertEquals("Les réservations « Régie des sports » se paient d'avance par le porte-monnaie : activez-le et"
                + " alimentez-le (page Porte-monnaie) avant de réserver.", why.french());
        assertEquals("Bookings of \"Régie des sports\" are paid in advance from the prepaid account: activate it and top it"
                + " up (Prepaid account page) before booking.", why.in(Locale.ENGLISH));
    }

    @Test
    void aDayWithoutTariffIsRefusedInThePagesLanguage() throws Exception {
        Message why = charges(Optional.of(10_000L), List.of()).charge(booking("FOOT")).orElseThrow();
        assertEquals("Aucun tarif n'est en vigueur pour « Football » le 14/10/2026 : cette journée ne peut pas être payée"
                + " par le porte-monnaie. Contactez le service enfance.", why.french());
        assertEquals("No price applies to \"Football\" on 14/10/2026: this day cannot be paid from the prepaid account."
                + " Please contact the children's service.", why.in(Locale.ENGLISH));
    }

    @Test
    void aBalanceTooLowRefusesTheBookingInThePagesLanguage() throws Exception {
        Message why = charges(Optional.of(200L), List.of(FOOT)).charge(booking("FOOT")).orElseThrow();
        assertEquals(WalletRules.refusal("Régie des sports", 200, 500, 0).french(), why.french());
        assertEquals("Not enough money in the prepaid account: this booking costs €5.00, your \"Régie des"
                + " sports\" balance is €2.00. Top up your prepaid account (Prepaid account page), then"
                + " book again.", why.in(Locale.ENGLISH));
    }

    @Test
    void aBookingInvoicedAfterTheFactIsNotTheWalletsConcern() throws Exception {
        assertEquals(Optional.empty(), charges(Optional.empty(), List.of()).charge(booking("ALSH")));
    }
}
