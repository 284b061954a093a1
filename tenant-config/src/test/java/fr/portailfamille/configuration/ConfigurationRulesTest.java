package fr.portailfamille.configuration;

import java.util.Locale;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.problems.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule on the sample configuration changed in one place (JSON patch on its file). */
class ConfigurationRulesTest {

    @Test
    void sampleAndDefaultConfigurationsAreValid() {
        assertEquals(List.of(), ConfigurationRules.validate(Samples.full()));
        assertEquals(List.of(), ConfigurationRules.validate(DefaultConfiguration.get()));
        assertEquals(List.of(), ConfigurationRules.validate(new CommuneConfiguration(null, null, null, null, null, null, null)));
    }

    static Stream<Arguments> rules() {
        String codeRule = " doit faire de 1 à 40 caractères : lettres majuscules sans accent, chiffres, « _ » ou « - ».";
        return Stream.of(
                rule("/zone", "D", "zone", "La zone de vacances scolaires doit être A, B ou C."),
                rule("/cgu", "x".repeat(20_001), "cgu", "Les conditions générales ne doivent pas dépasser 20 000 caractères."),
                rule("/establishments/2/code", JsonValue.NULL, "establishments[2].code", "Le code est obligatoire."),
                rule("/establishments/2/code", "ferry", "establishments[2].code", "Le code « ferry »" + codeRule),
                rule("/establishments/2/code", "É", "establishments[2].code", "Le code « É »" + codeRule),
                rule("/establishments/2/code", "A".repeat(41), "establishments[2].code", "Le code « " + "A".repeat(41) + " »" + codeRule),
                rule("/establishments/2/code", "FERRY", "establishments[2].code",
                        "Le code « FERRY » est déjà utilisé par un autre établissement."),
                rule("/establishments/2/name", " ", "establishments[2].name", "Le nom est obligatoire."),
                rule("/establishments/2/name", "x".repeat(121), "establishments[2].name", "Le nom ne doit pas dépasser 120 caractères."),
                rule("/establishments/2/kind", JsonValue.NULL, "establishments[2].kind", "Le type d'établissement est obligatoire."),
                rule("/establishments/2/address", "x".repeat(201), "establishments[2].address",
                        "L'adresse ne doit pas dépasser 200 caractères."),
                rule("/periods/0/kind", JsonValue.NULL, "periods[0].kind", "Le type de période est obligatoire."),
                rule("/periods/0/label", "x".repeat(81), "periods[0].label", "Le libellé ne doit pas dépasser 80 caractères."),
                rule("/periods/0/start", JsonValue.NULL, "periods[0].start", "La date de début est obligatoire."),
                rule("/periods/0/end", JsonValue.NULL, "periods[0].end", "La date de fin est obligatoire."),
                rule("/periods/0/end", "2026-08-31", "periods[0].end", "La date de fin ne peut pas précéder la date de début."),
                rule("/closures/0/day", JsonValue.NULL, "closures[0].day", "Le jour est obligatoire."),
                rule("/closures/1/day", "2026-11-10", "closures[1].day", "Le 10/11/2026 est déjà indiqué comme jour de fermeture."),
                rule("/closures/0/label", "", "closures[0].label", "Le libellé est obligatoire."),
                rule("/closures/0/label", "x".repeat(121), "closures[0].label", "Le libellé ne doit pas dépasser 120 caractères."),
                rule("/activities/0/code", "alsh", "activities[0].code", "Le code « alsh »" + codeRule),
                rule("/activities/2/code", "PERI", "activities[2].code", "Le code « PERI » est déjà utilisé par une autre activité."),
                rule("/activities/0/name", JsonValue.NULL, "activities[0].name", "Le nom est obligatoire."),
                rule("/activities/0/name", "x".repeat(121), "activities[0].name", "Le nom ne doit pas dépasser 120 caractères."),
                rule("/activities/0/description", "x".repeat(1001), "activities[0].description",
                        "La description ne doit pas dépasser 1000 caractères."),
                rule("/activities/0/type", JsonValue.NULL, "activities[0].type", "Le type d'activité est obligatoire."),
                rule("/activities/1/establishment", "HUGO", "activities[1].establishment", "Aucun établissement n'a le code « HUGO »."),
                rule("/activities/1/ages/min", -1, "activities[1].ages.min", "L'âge minimum doit être compris entre 0 et 25 ans."),
                rule("/activities/1/ages/max", 26, "activities[1].ages.max", "L'âge maximum doit être compris entre 0 et 25 ans."),
                rule("/activities/1/ages/max", 2, "activities[1].ages.max", "L'âge maximum ne peut pas être inférieur à l'âge minimum."),
                rule("/activities/1/levels/1", "6E", "activities[1].levels[1]",
                        "Niveau scolaire inconnu : « 6E » (niveaux possibles : TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2)."),
                rule("/activities/1/levels/1", "PS", "activities[1].levels[1]", "Le niveau PS est indiqué deux fois."),
                rule("/activities/1/booking/deadline", JsonValue.NULL, "activities[1].booking.deadline",
                        "Le délai de réservation est obligatoire."),
                rule("/activities/1/booking/deadline", "2 jours avant", "activities[1].booking.deadline",
                        "Délai invalide : « 2 jours avant » (exemples : J-2@23:59, JO-2@10:00, SEMAINE-TUESDAY@23:59)."),
                rule("/activities/1/booking/cancellation", "J-2@25:00", "activities[1].booking.cancellation",
                        "Délai invalide : « J-2@25:00 »."),
                rule("/activities/1/booking/cancellation", "SEMAINE-MARDI@12:00", "activities[1].booking.cancellation",
                        "Délai invalide : « SEMAINE-MARDI@12:00 »."),
                rule("/activities/1/booking/late", JsonValue.NULL, "activities[1].booking.late",
                        "La règle des réservations hors délai est obligatoire."),
                rule("/activities/1/documents/1", " ", "activities[1].documents[1]", "Le libellé du document est obligatoire."),
                rule("/activities/1/documents/1", "x".repeat(121), "activities[1].documents[1]",
                        "Le libellé du document ne doit pas dépasser 120 caractères."),
                rule("/activities/1/units/0/code", "MATIN_ET_PETIT_DEJEUNER", "activities[1].units[0].code",
                        "Le code « MATIN_ET_PETIT_DEJEUNER » doit faire de 1 à 20 caractères : lettres majuscules sans accent,"
                                + " chiffres, « _ » ou « - »."),
                rule("/activities/1/units/1/code", "MATIN", "activities[1].units[1].code",
                        "Le code « MATIN » est déjà utilisé par une autre unité de cette activité."),
                rule("/activities/1/units/0/label", JsonValue.NULL, "activities[1].units[0].label", "Le libellé est obligatoire."),
                rule("/activities/1/units/0/label", "x".repeat(61), "activities[1].units[0].label",
                        "Le libellé ne doit pas dépasser 60 caractères."),
                rule("/activities/1/units/0/end", "07:15", "activities[1].units[0].end", "L'heure de fin doit être après l'heure de début."),
                rule("/activities/1/units/0/end", "06:00", "activities[1].units[0].end", "L'heure de fin doit être après l'heure de début."),
                rule("/activities/1/units/0/capacity", -1, "activities[1].units[0].capacity", "La capacité ne peut pas être négative."),
                rule("/activities/1/units/0/weekdays", JsonValue.EMPTY_JSON_ARRAY, "activities[1].units[0].weekdays",
                        "Indiquez au moins un jour de la semaine."),
                rule("/activities/1/units/0/weekdays/0", 8, "activities[1].units[0].weekdays[0]",
                        "Jour de la semaine invalide : 8 (de 1 = lundi à 7 = dimanche)."),
                rule("/activities/1/units/0/weekdays/0", 0, "activities[1].units[0].weekdays[0]",
                        "Jour de la semaine invalide : 0 (de 1 = lundi à 7 = dimanche)."),
                rule("/activities/1/units/0/weekdays/1", 1, "activities[1].units[0].weekdays[1]", "Le jour 1 est indiqué deux fois."),
                rule("/legend/COMPLET/text", "#7f1d1d", "legend",
                        "Le contraste entre le texte et le fond de « Plus de place » est insuffisant : 1,00:1 (4,5:1 au moins, RGAA)."),
                rule("/legend/COMPLET/label", "Réservable", "legend", "Le libellé « Réservable » est utilisé par deux états"
                        + " (« Réservable » et « Complet ») : les familles ne pourraient pas les distinguer."),
                rule("/legend/COMPLET/label", "x".repeat(61), "legend", "Le libellé de l'état « Complet » ne doit pas dépasser 60 caractères."));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("rules")
    void eachRuleNamesTheFieldInFrench(UnaryOperator<JsonPatchBuilder> patch, String field, String message) {
        assertEquals(List.of(new FieldError(field, message)), ConfigurationRules.validate(Samples.patched(Samples.full(), patch)));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        CommuneConfiguration conf = Samples.patched(Samples.full(), p -> p
                .replace("/zone", "Z")
                .replace("/activities/0/units/0/capacity", -5)
                .replace("/activities/2/units/0/weekdays", JsonValue.EMPTY_JSON_ARRAY)
                .replace("/periods/1/end", "2026-01-01"));
        assertEquals(List.of("zone", "periods[1].end", "activities[0].units[0].capacity", "activities[2].units[0].weekdays"),
                ConfigurationRules.validate(conf).stream().map(FieldError::field).toList());
    }

    @Test
    void sameUnitCodeInTwoActivitiesAndOverlappingHolidaysAreFine() {
        // the sample's two VACANCES periods overlap; PERI and ALSH may both have a unit JOURNEE
        CommuneConfiguration conf = Samples.patched(Samples.full(), p -> p.replace("/activities/1/units/0/code", "JOURNEE"));
        assertEquals(List.of(), ConfigurationRules.validate(conf));
    }

    @Test
    void aLegendMissingAStateIsReported() {
        Map<DayState, Legend.LegendEntry> entries = new EnumMap<>(Legend.defaults().entries());
        entries.remove(DayState.FERIE);
        CommuneConfiguration full = Samples.full();
        assertEquals(List.of(new FieldError("legend", "Aucun libellé ni couleur pour l'état « Jour férié ».")),
                ConfigurationRules.validate(new CommuneConfiguration(full.zone(), full.cgu(), full.establishments(),
                        full.periods(), full.closures(), full.activities(), new Legend(entries))));
    }

    private static Arguments rule(String pointer, Object value, String field, String message) {
        JsonValue json = value instanceof JsonValue v ? v
                : value instanceof Integer i ? Json.createValue(i) : Json.createValue((String) value);
        UnaryOperator<JsonPatchBuilder> patch = p -> p.replace(pointer, json);
        return Arguments.of(patch, field, message);
    }

    @Test
    void anEnglishPageReadsTheProblemsInEnglish() {
        List<FieldError> errors = ConfigurationRules.validate(Samples.patched(Samples.full(), p -> p
                .replace("/establishments/2/code", "FERRY").replace("/activities/0/name", "")
                .replace("/activities/0/ages/max", 30).replace("/activities/2/units/0/weekdays/0", 9)));
        assertEquals(List.of("Le code « FERRY » est déjà utilisé par un autre établissement.", "Le nom est obligatoire.",
                "L'âge maximum doit être compris entre 0 et 25 ans.", "Jour de la semaine invalide : 9 (de 1 = lundi à 7 = dimanche)."),
                errors.stream().map(FieldError::message).toList());
        assertEquals(List.of("The code “FERRY” is already used by another establishment.", "The name is required.",
                "The maximum age must be between 0 and 25 years.", "Invalid day of the week: 9 (from 1 = Monday to 7 = Sunday)."),
                errors.stream().map(e -> e.text().in(Locale.ENGLISH)).toList());
        ConfigurationException notJson = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> ConfigurationJson.read("{\n  \"format\": x"));
        assertEquals("Le fichier n'est pas un fichier JSON valide (ligne 2, colonne 13).", notJson.errors().get(0).message());
        assertEquals("The file is not a valid JSON file (line 2, column 13).",
                notJson.errors().get(0).text().in(Locale.ENGLISH));
    }
}
