package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.problems.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationJsonTest {

    @Test
    void writeThenReadGivesTheSameConfiguration() {
        CommuneConfiguration full = Samples.full();
        assertEquals(full, ConfigurationJson.read(ConfigurationJson.write(full)));
        assertEquals(Samples.billed(), ConfigurationJson.read(ConfigurationJson.write(Samples.billed())));
        CommuneConfiguration empty = new CommuneConfiguration(null, null, null, null, null, null, null);
        assertEquals(empty, ConfigurationJson.read(new StringReader(ConfigurationJson.write(empty))));
    }

    @Test
    void aFileSavedWithAByteOrderMarkIsReadAsItWasWritten() {
        CommuneConfiguration full = Samples.full();
        assertEquals(full, ConfigurationJson.read("\uFEFF" + ConfigurationJson.write(full)));
        assertEquals(full, ConfigurationJson.read(new StringReader("\uFEFF" + ConfigurationJson.write(full))));
    }

    @Test
    void writesTheDocumentedShape() {
        JsonObject file = Json.createReader(new StringReader(ConfigurationJson.write(Samples.full()))).readObject();
        assertEquals("portail-famille/configuration", file.getString("format"));
        assertEquals(2, file.getInt("version"));
        assertEquals("B", file.getString("zone"));
        JsonObject peri = file.getJsonArray("activities").getJsonObject(1);
        assertEquals("{\"min\":3,\"max\":11}", peri.getJsonObject("ages").toString());
        assertEquals("{\"deadline\":\"J-2@23:59\",\"cancellation\":\"J-2@23:59\",\"late\":\"SURCHARGED\",\"validation\":false}",
                peri.getJsonObject("booking").toString());
        assertEquals("{\"code\":\"MATIN\",\"label\":\"Matin\",\"start\":\"07:15\",\"end\":\"08:20\",\"capacity\":40,"
                + "\"weekdays\":[1,2,4,5]}", peri.getJsonArray("units").getJsonObject(0).toString());
        assertEquals("{\"code\":\"FERRY\",\"name\":\"École maternelle Jules Ferry\",\"kind\":\"ECOLE_MATERNELLE\",\"address\":null}",
                file.getJsonArray("establishments").getJsonObject(0).toString());
        assertEquals("{\"label\":\"Réservable\",\"background\":\"#d1fae5\",\"text\":\"#065f46\"}",
                file.getJsonObject("legend").getJsonObject("RESERVABLE").toString());
        assertEquals(DayState.values().length, file.getJsonObject("legend").size());
    }

    @Test
    void badJsonIsRefusedWithItsPosition() {
        assertEquals(List.of(new FieldError("format", "Le fichier n'est pas un fichier JSON valide (ligne 2, colonne 1).")),
                errors("{\"format\":\n}"));
        assertEquals("format", errors("").get(0).field());
    }

    @Test
    void otherJsonIsNotAConfiguration() {
        List<FieldError> expected = List.of(new FieldError("format",
                "Le fichier n'est pas un fichier de configuration Portail Famille."));
        assertEquals(expected, errors("[1, 2]"));
        assertEquals(expected, errors("{\"version\": 1}"));
        assertEquals(expected, errors("{\"format\": \"autre/chose\", \"version\": 1}"));
    }

    @Test
    void otherVersionsAreRefused() {
        assertEquals(List.of(new FieldError("version", "Ce fichier vient d'une version plus récente de Portail Famille"
                + " (format 3) : seuls les formats 1 à 2 peuvent être lus.")), errors(header(3)));
        assertEquals(List.of(new FieldError("version", "Version de format inconnue : les formats 1 à 2 sont attendus.")),
                errors("{\"format\": \"portail-famille/configuration\"}"));
        assertEquals(List.of(new FieldError("version", "Version de format inconnue : les formats 1 à 2 sont attendus.")),
                errors(header(0)));
    }

    @Test
    void aFormatOneFileIsStillReadWithoutBilling() {
        String v1 = Samples.patchedJson(Samples.full(), p -> p.replace("/version", 1).remove("/billing"));
        assertEquals(Samples.full().withBilling(null), ConfigurationJson.read(v1));
        assertEquals(null, ConfigurationJson.read(header(2)).billing(), "no billing section: none");
    }

    @Test
    void aCommunesDelayForALateCertificateIsWrittenOnlyWhenChosenAndReadBack() {
        String chosen = Samples.patchedJson(Samples.billed(), p -> p.add("/billing/certificateDays", 3));
        CommuneConfiguration read = ConfigurationJson.read(chosen);
        assertEquals(3, read.billing().settings().lateCertificateDays());
        assertEquals(read, ConfigurationJson.read(ConfigurationJson.write(read)));
        assertEquals(7, Samples.billed().billing().settings().lateCertificateDays(), "not chosen: the default");
        assertFalse(ConfigurationJson.write(Samples.billed()).contains("certificateDays"));
    }

    @Test
    void writesTheBillingSectionInCentsAndPercent() {
        JsonObject billing = Json.createReader(new StringReader(ConfigurationJson.write(Samples.billed()))).readObject()
                .getJsonObject("billing");
        assertEquals("{\"qfValidityMonths\":12,\"residentPostcodes\":[\"87000\",\"87100\"],\"reminderDays\":[15,45],\"brackets\":["
                + "{\"code\":\"T1\",\"label\":\"Tranche 1\",\"min\":0,\"max\":450},"
                + "{\"code\":\"T2\",\"label\":\"Tranche 2\",\"min\":451,\"max\":700},"
                + "{\"code\":\"T3\",\"label\":\"Tranche 3\",\"min\":701,\"max\":null}],",
                billing.toString().substring(0, billing.toString().indexOf("\"regies\"")));
        assertEquals("{\"code\":\"ALSH\",\"label\":\"Régie garderie ALSH\",\"invoicePrefix\":\"AL\",\"manager\":"
                + "{\"name\":\"Martine Régis\",\"email\":\"regie@limoges.test\",\"phone\":\"05 55 00 00 01\"},"
                + "\"activities\":[\"ALSH\",\"PERI\"],\"paymentInstructions\":\"Chèque à l'ordre du Trésor public, à déposer"
                + " en mairie.\",\"payfipNumcli\":\"123456\",\"collection\":\"INVOICE\",\"walletFloorCents\":0,"
                + "\"sepa\":{\"creditorId\":\"FR72ZZZ123456\",\"name\":\"Ville de Limoges – Régie ALSH\","
                + "\"iban\":\"FR7630006000011234567890189\",\"bic\":\"TRPUFRP1\",\"debitDay\":10}}",
                billing.getJsonArray("regies").getJsonObject(0).toString());
        assertEquals("{\"activity\":\"ALSH\",\"unit\":null,\"validFrom\":\"2026-09-01\",\"mode\":\"EFFORT_RATE\","
                + "\"pricesCents\":{},\"maximumCents\":null,"
                + "\"effortRate\":{\"percent\":0.25,\"floorCents\":150,\"ceilingCents\":1800},"
                + "\"nonResident\":{\"kind\":\"PRICE\",\"cents\":2500},\"siblings\":{\"secondPercent\":10,\"thirdPercent\":12.5},"
                + "\"late\":null,\"unexcusedAbsenceBilled\":false,\"unbookedPresenceCents\":null}",
                billing.getJsonArray("tariffs").getJsonObject(0).toString());
        assertEquals("{\"activity\":\"PERI\",\"unit\":null,\"validFrom\":\"2026-09-01\",\"mode\":\"BRACKETS\","
                + "\"pricesCents\":{\"T1\":60,\"T2\":100,\"T3\":140},\"maximumCents\":220,\"effortRate\":null,"
                + "\"nonResident\":{\"kind\":\"PERCENT\",\"percent\":20},\"siblings\":{\"secondPercent\":null,"
                + "\"thirdPercent\":null},\"late\":{\"kind\":\"PERCENT\",\"percent\":20},\"unexcusedAbsenceBilled\":true,"
                + "\"unbookedPresenceCents\":300}", billing.getJsonArray("tariffs").getJsonObject(1).toString());
    }

    @Test
    void wrongBillingTypesAreReportedWithTheirPath() {
        String json = Samples.patchedJson(Samples.billed(), p -> p
                .replace("/billing/qfValidityMonths", "douze")
                .replace("/billing/brackets/1/max", Json.createValue(700.5))
                .replace("/billing/regies/0/manager", "Martine")
                .replace("/billing/tariffs/0/effortRate/percent", "0,25 %")
                .replace("/billing/tariffs/1/pricesCents/T2", Json.createValue(1.5))
                .replace("/billing/tariffs/1/mode", "FORFAIT")
                .replace("/billing/tariffs/1/late/kind", "DOUBLE")
                .replace("/billing/tariffs/2/maximumCents", "2,30 €"));
        assertEquals(List.of(
                new FieldError("billing.qfValidityMonths", "Nombre entier attendu."),
                new FieldError("billing.brackets[1].max", "Nombre entier attendu."),
                new FieldError("billing.regies[0].manager", "Objet attendu."),
                new FieldError("billing.tariffs[0].effortRate.percent", "Nombre attendu."),
                new FieldError("billing.tariffs[1].pricesCents.T2", "Montant entier en centimes attendu."),
                new FieldError("billing.tariffs[1].mode", "Valeur inconnue : « FORFAIT » (valeurs possibles : BRACKETS, EFFORT_RATE)."),
                new FieldError("billing.tariffs[1].late.kind", "Valeur inconnue : « DOUBLE » (valeurs possibles : PERCENT, FIXED, PRICE)."),
                new FieldError("billing.tariffs[2].maximumCents", "Montant entier en centimes attendu.")),
                errors(json));
        assertEquals(List.of(new FieldError("billing", "Objet attendu.")),
                errors(Samples.patchedJson(Samples.billed(), p -> p.replace("/billing", "oui"))));
        // a percentage no screen could type (an exponent that would take the server minutes to scale): refused at once
        assertEquals(List.of(new FieldError("billing.tariffs[0].effortRate.percent", "Nombre attendu."),
                new FieldError("billing.tariffs[0].siblings.secondPercent", "Nombre attendu.")),
                errors(Samples.patchedJson(Samples.billed(), p -> p
                        .replace("/billing/tariffs/0/effortRate/percent", Json.createValue(new java.math.BigDecimal("1e999999999")))
                        .replace("/billing/tariffs/0/siblings/secondPercent", Json.createValue(new java.math.BigDecimal(
                                "0.0000000000001"))))));
    }

    @Test
    void wrongTypesAreAllReportedWithTheirPath() {
        String json = Samples.patchedJson(Samples.full(), p -> p
                .replace("/zone", 2)
                .replace("/establishments/0/kind", "CRECHE")
                .replace("/periods/0/start", "01/09/2026")
                .replace("/closures", "aucune")
                .replace("/activities/0/runsInHolidays", "oui")
                .replace("/activities/1/ages/min", Json.createValue(3.5))
                .replace("/activities/1/levels/1", 2)
                .replace("/activities/1/booking", "J-2")
                .replace("/activities/1/units/0/capacity", "quarante")
                .replace("/activities/1/units/1/start", "16h30")
                .replace("/activities/1/units/1/weekdays/0", "lundi")
                .remove("/activities/2/units/0/capacity")
                .replace("/activities/2/units/0/weekdays", Json.createObjectBuilder().build())
                .add("/legend/AUTRE", Json.createObjectBuilder().build())
                .replace("/legend/PRESENT", "vert"));
        assertEquals(List.of(
                new FieldError("zone", "Texte attendu."),
                new FieldError("establishments[0].kind", "Valeur inconnue : « CRECHE » (valeurs possibles : ECOLE_MATERNELLE,"
                        + " ECOLE_ELEMENTAIRE, ECOLE_PRIMAIRE, ACCUEIL_LOISIRS, RESTAURANT_SCOLAIRE, AUTRE)."),
                new FieldError("periods[0].start", "Date attendue au format AAAA-MM-JJ."),
                new FieldError("closures", "Liste attendue."),
                new FieldError("activities[0].runsInHolidays", "Valeur true ou false attendue."),
                new FieldError("activities[1].booking", "Objet attendu."),
                new FieldError("activities[1].ages.min", "Nombre entier attendu."),
                new FieldError("activities[1].levels[1]", "Texte attendu."),
                new FieldError("activities[1].units[0].capacity", "Nombre entier attendu."),
                new FieldError("activities[1].units[1].start", "Heure attendue au format HH:MM."),
                new FieldError("activities[1].units[1].weekdays[0]", "Nombre entier attendu."),
                new FieldError("activities[2].units[0].capacity", "La capacité est obligatoire."),
                new FieldError("activities[2].units[0].weekdays", "Liste attendue."),
                new FieldError("legend.PRESENT", "Objet attendu."),
                new FieldError("legend.AUTRE", "État inconnu : « AUTRE » (états possibles : RESERVABLE, RESERVE_ANNULABLE,"
                        + " RESERVE_NON_ANNULABLE, HORS_DELAI_MAJORE, ANNULE_SANS_FRAIS, COMPLET, LISTE_ATTENTE,"
                        + " EN_ATTENTE_VALIDATION, FERME, FERIE, VACANCES, ABSENT_EXCUSE, ABSENT_FACTURE, PRESENT, REFUSEE,"
                        + " ABSENCE_EN_VERIFICATION, SUR_DEMANDE).")),
                errors(json));
    }

    @Test
    void missingLegendStatesTakeTheDefaultEntry() {
        CommuneConfiguration read = Samples.patched(Samples.full(), p -> p.remove("/legend/RESERVABLE").remove("/legend/COMPLET"));
        assertEquals(Legend.defaults().entry(DayState.RESERVABLE), read.legend().entry(DayState.RESERVABLE));
        assertEquals(Legend.defaults().entry(DayState.COMPLET), read.legend().entry(DayState.COMPLET));
        assertEquals(Legend.defaults(), ConfigurationJson.read(header(1)).legend());
    }

    @Test
    void absentOptionalPartsAreEmpty() {
        CommuneConfiguration read = ConfigurationJson.read(header(1).replace("}", ", \"activities\": [{\"code\": \"A\"}]}"));
        CommuneConfiguration.Activity a = read.activities().get(0);
        assertEquals("A", a.code());
        assertEquals(List.of(), a.units());
        assertEquals(false, a.runsInHolidays());
        assertEquals(null, a.minAge());
        assertEquals(List.of(), read.establishments());
    }

    private static String header(int version) {
        return "{\"format\": \"portail-famille/configuration\", \"version\": " + version + "}";
    }

    @Test
    void documentTypesAreAnOptionalKeyReadWithTheirPaths() {
        List<fr.portailfamille.documents.DocumentType> types = List.of(new fr.portailfamille.documents.DocumentType(
                "GARDE", "Jugement de garde", true, false, fr.portailfamille.documents.DocumentType.Validity.UNTIL, null,
                java.time.LocalDate.of(2027, 12, 31)));
        CommuneConfiguration conf = Samples.full().withDocumentTypes(types);
        assertEquals(conf, ConfigurationJson.read(ConfigurationJson.write(conf)));
        // a file written before document types: no key, the commune's types are left as they are
        String older = ConfigurationJson.write(Samples.full().withDocumentTypes(null));
        assertEquals(null, ConfigurationJson.read(older).documentTypes());
        String bad = older.replaceFirst("\\{", "{\"documentTypes\": [{\"code\": \"X\", \"label\": \"X\","
                + " \"validity\": \"TOUJOURS\", \"months\": \"trois\"}],");
        assertEquals(List.of(
                new FieldError("documentTypes[0].validity", "Valeur inconnue : « TOUJOURS » (valeurs possibles : SCHOOL_YEAR,"
                        + " MONTHS, UNTIL, PERMANENT)."),
                new FieldError("documentTypes[0].months", "Nombre entier attendu.")), errors(bad));
        String rules = older.replaceFirst("\\{", "{\"documentTypes\": [{\"code\": \"X\", \"label\": \"X\","
                + " \"validity\": \"MONTHS\", \"months\": 0}],");
        assertEquals(List.of(new FieldError("documentTypes[0].months",
                "La durée de validité doit être comprise entre 1 et 120 mois.")),
                ConfigurationRules.validate(ConfigurationJson.read(rules)));
    }

    @Test
    void servicesAreAnOptionalKeyReadWithTheirPaths() {
        CommuneConfiguration conf = Samples.full().withServices(List.of(
                new fr.portailfamille.messaging.InboxService("enfance", "Service enfance", "enfance@mairie.test")));
        assertEquals(conf, ConfigurationJson.read(ConfigurationJson.write(conf)));
        String older = ConfigurationJson.write(Samples.full().withServices(null));
        assertEquals(null, ConfigurationJson.read(older).services(), "un fichier d'avant la boîte de réception");
        String rules = older.replaceFirst("\\{", "{\"services\": [{\"code\": \"Enfance\", \"label\": \"\", \"email\": \"x\"}],");
        assertEquals(List.of(
                new FieldError("services[0].code", "Le code « Enfance » doit faire de 1 à 40 caractères parmi a-z, 0-9 et -."),
                new FieldError("services[0].label", "Le nom du service est obligatoire."),
                new FieldError("services[0].email", "Adresse e-mail invalide : « x ».")),
                ConfigurationRules.validate(ConfigurationJson.read(rules)));
    }

    private static List<FieldError> errors(String json) {
        return assertThrows(ConfigurationException.class, () -> ConfigurationJson.read(json)).errors();
    }
}
