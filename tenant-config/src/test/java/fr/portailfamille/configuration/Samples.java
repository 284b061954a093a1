package fr.portailfamille.configuration;

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
                                        new Unit("MERCREDI", "Mercredi", LocalTime.of(13, 30), LocalTime.of(15, 0), 16, List.of(3))))),
                Legend.defaults().with(DayState.COMPLET, new Legend.LegendEntry("Plus de place", "#7f1d1d", "#ffffff")));
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
