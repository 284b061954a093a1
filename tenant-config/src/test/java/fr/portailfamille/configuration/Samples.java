package fr.portailfamille.configuration;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariff.BracketPrice;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;

/** A configuration using every field, sorted as an export gives it, and ways to derive others from it. */
final class Samples {

    private Samples() {
    }

    static CommuneConfiguration full() {
        return new CommuneConfiguration("B", "Conditions générales : réservez avant J-2.\nAbsences facturées.",
                List.of(new Establishment("FERRY", "École maternelle Jules Ferry", EstablishmentKind.ECOLE_MATERNELLE, null),
                        new Establishment("JAURES", "École Jean Jaurès", EstablishmentKind.ECOLE_ELEMENTAIRE,
                                "3 rue des Écoles, 87000 Limoges"),
                        new Establishment("SALLE-1", "Salle polyvalente", EstablishmentKind.AUTRE, "Place de la Mairie")),
                List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2026-2027", LocalDate.of(2026, 9, 1),
                                LocalDate.of(2027, 7, 3)),
                        new Period(PeriodKind.VACANCES, "Vacances de la Toussaint", LocalDate.of(2026, 10, 17),
                                LocalDate.of(2026, 11, 1)),
                        new Period(PeriodKind.VACANCES, "Pont de la Toussaint", LocalDate.of(2026, 10, 31),
                                LocalDate.of(2026, 11, 2))),
                List.of(new Closure(LocalDate.of(2026, 11, 10), "Pont du 11 novembre"),
                        new Closure(LocalDate.of(2027, 5, 7), "Pont de l'Ascension")),
                List.of(new Activity("ALSH", "Centre de loisirs des vacances", "Sorties et ateliers.\nPrévoir un goûter.",
                                ActivityType.ALSH_VACANCES, null, 6, 12, List.of(), true, "JO-5@12:00", "J-7@23:59",
                                LatePolicy.REFUSED, true, List.of(), List.of(
                                        new Unit("JOURNEE", "Journée", LocalTime.of(8, 0), LocalTime.of(18, 0), 24,
                                                List.of(1, 2, 3, 4, 5)),
                                        new Unit("MATIN_SANS_REPAS", "Matin sans repas", null, null, 0, List.of(1, 2, 3, 4, 5)))),
                        new Activity("PERI", "Accueil périscolaire", null, ActivityType.PERISCOLAIRE, "JAURES", 3, 11,
                                List.of("PS", "MS"), false, "J-2@23:59", "J-2@23:59", LatePolicy.SURCHARGED, false,
                                List.of("Attestation d'assurance", "Fiche sanitaire"), List.of(
                                        new Unit("MATIN", "Matin", LocalTime.of(7, 15), LocalTime.of(8, 20), 40, List.of(1, 2, 4, 5)),
                                        new Unit("SOIR", "Soir", LocalTime.of(16, 30), LocalTime.of(18, 30), 40, List.of(1, 2, 4, 5)))),
                        new Activity("SPORT-U10", "École des sports", null, ActivityType.SPORT, "FERRY", null, null,
                                List.of("CP", "CE1"), false, "SEMAINE-TUESDAY@23:59", "SEMAINE-TUESDAY@23:59",
                                LatePolicy.REFUSED, false, List.of("Certificat médical"), List.of(
                                        new Unit("MERCREDI", "Mercredi", LocalTime.of(13, 30), LocalTime.of(15, 0), 16, List.of(3))),
                                // a cycle that stops in June (tenant V51)
                                LocalDate.of(2027, 6, 30))),
                Legend.defaults().with(DayState.COMPLET, new Legend.LegendEntry("Plus de place", "#7f1d1d", "#ffffff")),
                new BillingConfiguration(new BillingSettings(null, List.of("87000"), List.of(
                        new QfBracket("A", "Tranche A", 0, 600), new QfBracket("B", "Tranche B", 601, null))),
                        List.of(new Regie("CENTRALE", "Régie centrale", "RC", null, null, null, List.of(), null)), List.of()),
                // the types (V19) and services (V20) every migrated schema starts with, so that a file without them
                // exports alike
                fr.portailfamille.documents.DocumentTypeRules.defaults(), fr.portailfamille.messaging.MessagingRules.defaults());
    }

    /** {@link #full()} with the whole {@link #billing()} section. */
    static CommuneConfiguration billed() {
        return full().withBilling(billing());
    }

    /**
     * Three brackets, two régies (one billing two activities), tariffs by brackets (one changing mid-year,
     * one for a unit), and by effort rate.
     */
    static BillingConfiguration billing() {
        return new BillingConfiguration(
                new BillingSettings(12, List.of("87000", "87100"), List.of(
                        new QfBracket("T1", "Tranche 1", 0, 450),
                        new QfBracket("T2", "Tranche 2", 451, 700),
                        new QfBracket("T3", "Tranche 3", 701, null)), List.of(15, 45)),
                List.of(new Regie("ALSH", "Régie garderie ALSH", "AL", "Martine Régis", "regie@limoges.test", "05 55 00 00 01",
                                List.of("ALSH", "PERI"), "Chèque à l'ordre du Trésor public, à déposer en mairie.", "123456",
                                Regie.Collection.INVOICE, 0, new SepaCreditor("FR72ZZZ123456", "Ville de Limoges – Régie ALSH",
                                        "FR7630006000011234567890189", "TRPUFRP1", 10)),
                        new Regie("SPORT", "Régie des sports", "SP", null, null, null, List.of("SPORT-U10"), null, null,
                                Regie.Collection.WALLET, -500, null)),
                List.of(new Tariff("ALSH", null, LocalDate.of(2026, 9, 1), Tariff.Mode.EFFORT_RATE, List.of(), null,
                                new BigDecimal("0.25"), 150L, 1800L, Adjustment.price(2500), new BigDecimal("10"),
                                new BigDecimal("12.5"), null, false, null),
                        new Tariff("PERI", null, LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS, List.of(
                                new BracketPrice("T1", 60L), new BracketPrice("T2", 100L), new BracketPrice("T3", 140L)),
                                220L, null, null, null, Adjustment.percent("20"), null, null, Adjustment.percent("20"), true, 300L),
                        new Tariff("PERI", null, LocalDate.of(2027, 1, 15), Tariff.Mode.BRACKETS, List.of(
                                new BracketPrice("T1", 65L), new BracketPrice("T2", 105L), new BracketPrice("T3", 150L)),
                                230L, null, null, null, Adjustment.fixed(50), null, null, Adjustment.fixed(150), true, 549L),
                        new Tariff("PERI", "SOIR", LocalDate.of(2026, 9, 1), Tariff.Mode.BRACKETS, List.of(
                                new BracketPrice("T1", 80L), new BracketPrice("T2", 120L), new BracketPrice("T3", 160L)),
                                250L, null, null, null, null, new BigDecimal("5"), new BigDecimal("10"), null, true, null)));
    }

    /** {@code conf} written, changed by JSON patch operations, and read again (paths as in the file). */
    static CommuneConfiguration patched(CommuneConfiguration conf, UnaryOperator<JsonPatchBuilder> patch) {
        return ConfigurationJson.read(patchedJson(conf, patch));
    }

    static String patchedJson(CommuneConfiguration conf, UnaryOperator<JsonPatchBuilder> patch) {
        JsonObject file = Json.createReader(new StringReader(ConfigurationJson.write(conf))).readObject();
        return patch.apply(Json.createPatchBuilder()).build().apply(file).toString();
    }
}
