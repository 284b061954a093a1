package fr.portailfamille.configuration;

import java.util.Locale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.problems.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The billing section's rules: every problem at once, in French, with its path in the file. */
class BillingRulesTest {

    static List<FieldError> errors(UnaryOperator<JsonPatchBuilder> patch) {
        return ConfigurationRules.validate(Samples.patched(Samples.billed(), patch));
    }

    @Test
    void theSampleAndTheDefaultAreValid() {
        assertEquals(List.of(), ConfigurationRules.validate(Samples.full()));
        assertEquals(List.of(), ConfigurationRules.validate(Samples.billed()));
        assertEquals(List.of(), ConfigurationRules.validate(DefaultConfiguration.get()));
    }

    @Test
    void bracketsMustBeContiguousFromZeroAndEndOpen() {
        assertEquals(List.of(new FieldError("billing.brackets[1].min", "La tranche T2 chevauche la tranche T1 (QF de 0 à 450).")),
                errors(p -> p.replace("/billing/brackets/1/min", 450)));
        assertEquals(List.of(new FieldError("billing.brackets[1].min",
                "Trou entre les tranches T1 et T2 : les QF de 451 à 459 n'ont pas de tranche.")),
                errors(p -> p.replace("/billing/brackets/1/min", 460)));
        assertEquals(List.of(new FieldError("billing.brackets[0].min", "La première tranche doit commencer au QF 0 (elle commence à 1).")),
                errors(p -> p.replace("/billing/brackets/0/min", 1)));
        assertEquals(List.of(new FieldError("billing.brackets[2].max", "La dernière tranche ne doit pas avoir de maximum"
                + " (QF à partir de 701), pour que tout QF ait une tranche.")),
                errors(p -> p.replace("/billing/brackets/2/max", 2000)));
        assertEquals(List.of(new FieldError("billing.brackets[2].min", "La tranche T3 chevauche la tranche T2 (QF à partir de 451).")),
                errors(p -> p.replace("/billing/brackets/1/max", JsonValue.NULL)));
        // the file's order does not matter, paths are the file's
        assertEquals(List.of(), errors(p -> p.move("/billing/brackets/0", "/billing/brackets/2")));
        assertEquals(List.of(
                new FieldError("billing.brackets[1].code", "Le code « T1 » est déjà utilisé par une autre tranche."),
                new FieldError("billing.brackets[1].label", "Le libellé est obligatoire."),
                new FieldError("billing.brackets[2].max", "Le QF maximum ne peut pas être inférieur au QF minimum."),
                new FieldError("billing.brackets[2].max", "La dernière tranche ne doit pas avoir de maximum (QF à partir de 701),"
                        + " pour que tout QF ait une tranche.")),
                errors(p -> p.replace("/billing/brackets/1/code", "T1").replace("/billing/brackets/1/label", " ")
                        .replace("/billing/brackets/2/max", 700)
                        .replace("/billing/tariffs/1/pricesCents", Json.createObjectBuilder().add("T1", 60).add("T3", 140).build())
                        .replace("/billing/tariffs/2/pricesCents", Json.createObjectBuilder().add("T1", 60).add("T3", 140).build())
                        .replace("/billing/tariffs/3/pricesCents", Json.createObjectBuilder().add("T1", 60).add("T3", 140).build())));
    }

    @Test
    void settingsAreChecked() {
        assertEquals(List.of(
                new FieldError("billing.qfValidityMonths", "La validité du justificatif de QF doit être comprise entre 1 et 120 mois."),
                new FieldError("billing.residentPostcodes[1]", "Code postal invalide : « 87 100 » (5 chiffres attendus)."),
                new FieldError("billing.residentPostcodes[2]", "Le code postal 87000 est indiqué deux fois.")),
                errors(p -> p.replace("/billing/qfValidityMonths", 0).replace("/billing/residentPostcodes/1", "87 100")
                        .add("/billing/residentPostcodes/-", "87000")));
    }

    @Test
    void theDelayForALateMedicalCertificateIsFromOneToSixtyDays() {
        assertEquals(List.of(new FieldError("billing.certificateDays",
                        "Le délai d'envoi du certificat médical doit être compris entre 1 et 60 jours.")),
                errors(p -> p.add("/billing/certificateDays", 0)));
        assertEquals(List.of(new FieldError("billing.certificateDays",
                        "Le délai d'envoi du certificat médical doit être compris entre 1 et 60 jours.")),
                errors(p -> p.add("/billing/certificateDays", 61)));
        assertEquals(List.of(), errors(p -> p.add("/billing/certificateDays", 2)));
    }

    @Test
    void remindersComeAfterTheDueDateInIncreasingDelays() {
        assertEquals(List.of(
                new FieldError("billing.reminderDays[0]", "Le délai de la relance 1 doit être un nombre de jours après"
                        + " l'échéance entre 1 et 365 (indiqué : 0)."),
                new FieldError("billing.reminderDays[2]", "La relance 3 (30 jours) doit venir après la relance 2 (45 jours).")),
                errors(p -> p.replace("/billing/reminderDays/0", 0).add("/billing/reminderDays/-", 30)));
        assertEquals(List.of(new FieldError("billing.reminderDays", "Au plus 5 relances (6 indiquées).")),
                errors(p -> p.replace("/billing/reminderDays", Json.createArrayBuilder().add(1).add(2).add(3).add(4).add(5).add(6).build())));
        // a format 2 file written before the reminders is read without any
        assertEquals(List.of(), ConfigurationJson.read(Samples.patchedJson(Samples.billed(), p -> p.remove("/billing/reminderDays")))
                .billing().settings().reminderDays());
        assertEquals(List.of(new FieldError("billing.reminderDays[1]", "Nombre entier attendu.")),
                org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, () -> ConfigurationJson.read(
                        Samples.patchedJson(Samples.billed(), p -> p.replace("/billing/reminderDays/1", "45 jours")))).errors());
    }

    @Test
    void regiesBillKnownActivitiesOnceWithAValidPrefix() {
        assertEquals(List.of(
                new FieldError("billing.regies[0].invoicePrefix", "Le préfixe « al-1 » doit faire de 1 à 8 caractères : une lettre"
                        + " majuscule sans accent, puis des lettres majuscules ou des chiffres (ex. AL)."),
                new FieldError("billing.regies[0].manager.email", "Adresse e-mail invalide : « regie@ »."),
                new FieldError("billing.regies[0].activities[2]", "Aucune activité n'a le code « CANTINE »."),
                new FieldError("billing.regies[1].invoicePrefix", "Le préfixe des factures est obligatoire."),
                new FieldError("billing.regies[1].activities[1]", "L'activité PERI est déjà facturée par la régie ALSH :"
                        + " une activité n'est facturée que par une régie.")),
                errors(p -> p.replace("/billing/regies/0/invoicePrefix", "al-1")
                        .replace("/billing/regies/0/manager/email", "regie@")
                        .add("/billing/regies/0/activities/-", "CANTINE")
                        .remove("/billing/regies/1/invoicePrefix")
                        .add("/billing/regies/1/activities/-", "PERI")));
        assertEquals(List.of(
                new FieldError("billing.regies[1].code", "Le code « ALSH » est déjà utilisé par une autre régie."),
                new FieldError("billing.regies[1].invoicePrefix", "Le préfixe « AL » est déjà celui de la régie ALSH.")),
                errors(p -> p.replace("/billing/regies/1/code", "ALSH").replace("/billing/regies/1/invoicePrefix", "AL")));
        assertEquals(List.of(new FieldError("billing.regies[0].invoicePrefix", "Le préfixe « ABCDEFGHI » doit faire de 1 à 8"
                + " caractères : une lettre majuscule sans accent, puis des lettres majuscules ou des chiffres (ex. AL).")),
                errors(p -> p.replace("/billing/regies/0/invoicePrefix", "ABCDEFGHI")));
    }

    @Test
    void regiesCollectWithAValidNumcliFloorAndCreditor() {
        assertEquals(List.of(
                new FieldError("billing.regies[0].payfipNumcli", "Le numéro client PayFiP « 12345 » doit faire 6 chiffres"
                        + " (il figure sur la convention d'adhésion à PayFiP)."),
                new FieldError("billing.regies[0].sepa.creditorId", "L'identifiant créancier SEPA « FR73ZZZ123456 » n'est pas"
                        + " valide (ex. FR72ZZZ123456, sans espace, clé de contrôle comprise)."),
                new FieldError("billing.regies[0].sepa.iban", "L'IBAN « FR7630006000011234567890188 » n'est pas valide"
                        + " (vérifiez les caractères et la clé ; sans espace)."),
                new FieldError("billing.regies[0].sepa.bic", "Le BIC « TRPU » n'est pas valide (8 ou 11 caractères, ex. TRPUFRP1)."),
                new FieldError("billing.regies[0].sepa.debitDay", "Le jour de prélèvement doit être compris entre 1 et 28."),
                new FieldError("billing.regies[1].walletFloorCents", "Le découvert autorisé sur le porte-monnaie doit être compris"
                        + " entre " + Money.format(0) + " et " + Money.format(10_000) + ".")),
                errors(p -> p.replace("/billing/regies/0/payfipNumcli", "12345")
                        .replace("/billing/regies/0/sepa/creditorId", "FR73ZZZ123456")
                        .replace("/billing/regies/0/sepa/iban", "FR7630006000011234567890188")
                        .replace("/billing/regies/0/sepa/bic", "TRPU")
                        .replace("/billing/regies/0/sepa/debitDay", 29)
                        .replace("/billing/regies/1/walletFloorCents", -10_001)));
        assertEquals(List.of(new FieldError("billing.regies[1].walletFloorCents", "Le découvert autorisé sur le porte-monnaie doit"
                        + " être compris entre " + Money.format(0) + " et " + Money.format(10_000) + "."),
                        new FieldError("billing.regies[1].sepa.name", "Le nom du créancier est obligatoire.")),
                errors(p -> p.replace("/billing/regies/1/walletFloorCents", 1)
                        .replace("/billing/regies/1/sepa", Json.createObjectBuilder().add("creditorId", "DE98ZZZ09999999999")
                                .add("iban", "FR7630006000011234567890189").add("bic", "TRPUFRP1XXX").add("debitDay", 1).build())));
        // a file written before these settings: no online payment, invoicing after the fact, no direct debit
        Regie old = ConfigurationJson.read(Samples.patchedJson(Samples.billed(), p -> p.remove("/billing/regies/0/payfipNumcli")
                .remove("/billing/regies/0/collection").remove("/billing/regies/0/walletFloorCents")
                .remove("/billing/regies/0/sepa"))).billing().regies().get(0);
        assertEquals(java.util.Arrays.asList(null, Regie.Collection.INVOICE, 0L, false),
                java.util.Arrays.asList(old.payfipNumcli(), old.collection(), old.walletFloorCents(), old.sepa() != null));
    }

    @Test
    void tariffsNameKnownActivitiesUnitsAndBrackets() {
        assertEquals(List.of(
                new FieldError("billing.tariffs[0].activity", "Aucune activité n'a le code « CRECHE »."),
                new FieldError("billing.tariffs[1].pricesCents.T9", "Tranche inconnue : « T9 »."),
                new FieldError("billing.tariffs[1].pricesCents", "Le prix de la tranche T2 manque."),
                new FieldError("billing.tariffs[2].validFrom", "Un autre tarif de PERI entre déjà en vigueur le 01/09/2026."),
                new FieldError("billing.tariffs[3].unit", "L'activité PERI n'a pas d'unité « NUIT ».")),
                errors(p -> p.replace("/billing/tariffs/0/activity", "CRECHE")
                        .remove("/billing/tariffs/1/pricesCents/T2").add("/billing/tariffs/1/pricesCents/T9", 10)
                        .replace("/billing/tariffs/2/validFrom", "2026-09-01")
                        .replace("/billing/tariffs/3/unit", "NUIT")));
    }

    @Test
    void pricesAreNeverNegativeAndEachModeHasWhatItNeeds() {
        assertEquals(List.of(
                new FieldError("billing.tariffs[0].effortRate.floorCents", "Le prix plancher est obligatoire."),
                new FieldError("billing.tariffs[0].effortRate.ceilingCents", "Le prix plafond est obligatoire."),
                new FieldError("billing.tariffs[1].maximumCents", "Le tarif maximum ne peut pas être négatif."),
                new FieldError("billing.tariffs[1].pricesCents.T1", "Le prix de la tranche T1 ne peut pas être négatif."),
                new FieldError("billing.tariffs[1].nonResident.percent", "Le pourcentage doit être entre 0 et 1000 %"
                        + " (3 décimales au plus)."),
                new FieldError("billing.tariffs[1].unbookedPresenceCents", "Le prix d'une présence sans réservation ne peut pas"
                        + " être négatif."),
                new FieldError("billing.tariffs[2].late.cents", "Le montant ne peut pas être négatif."),
                new FieldError("billing.tariffs[3].siblings.thirdPercent", "La réduction du 3e enfant doit être entre 0 et 100 %"
                        + " (2 décimales au plus).")),
                errors(p -> p.remove("/billing/tariffs/0/effortRate/floorCents").remove("/billing/tariffs/0/effortRate/ceilingCents")
                        .replace("/billing/tariffs/1/maximumCents", -1).replace("/billing/tariffs/1/pricesCents/T1", -60)
                        .replace("/billing/tariffs/1/nonResident/percent", 1001)
                        .replace("/billing/tariffs/1/unbookedPresenceCents", -300)
                        .replace("/billing/tariffs/2/late/cents", -150)
                        .replace("/billing/tariffs/3/siblings/thirdPercent", 110)));
        assertEquals(List.of(
                new FieldError("billing.tariffs[0].effortRate.percent", "Le taux d'effort est obligatoire."),
                new FieldError("billing.tariffs[0].effortRate.ceilingCents", "Le prix plafond ne peut pas être inférieur au prix plancher."),
                new FieldError("billing.tariffs[1].effortRate", "Un taux d'effort ne s'indique qu'en mode « Taux d'effort »."),
                new FieldError("billing.tariffs[2].late.kind", "Une majoration hors délai est un pourcentage (PERCENT) ou un montant"
                        + " fixe (FIXED)."),
                new FieldError("billing.tariffs[3].maximumCents", "Le tarif maximum est obligatoire.")),
                errors(p -> p.remove("/billing/tariffs/0/effortRate/percent").replace("/billing/tariffs/0/effortRate/floorCents", 2000)
                        .replace("/billing/tariffs/1/effortRate", Json.createObjectBuilder().add("percent", 1).build())
                        .replace("/billing/tariffs/2/late/kind", "PRICE")
                        .remove("/billing/tariffs/3/maximumCents")));
        assertEquals(List.of(
                new FieldError("billing.tariffs[0].effortRate.percent", "Le taux d'effort doit être compris entre 0 et 100 %"
                        + " (6 décimales au plus), par ex. 0.06."),
                new FieldError("billing.tariffs[0].pricesCents", "Un tarif au taux d'effort n'a pas de prix par"
                        + " tranche ni de tarif maximum (c'est le prix plafond).")),
                errors(p -> p.replace("/billing/tariffs/0/maximumCents", 1800)
                        .replace("/billing/tariffs/0/effortRate/percent", Json.createValue(0.0000001))));
    }

    @Test
    void theMaximumTariffIsNeverBelowABracketsPrice() {
        List<FieldError> below = errors(p -> p.replace("/billing/tariffs/1/maximumCents", 400)
                .replace("/billing/tariffs/1/pricesCents/T3", 520));
        assertEquals(List.of("billing.tariffs[1].maximumCents"), below.stream().map(FieldError::field).toList());
        assertTrue(below.get(0).message().startsWith("Le tarif maximum (4,00"), below.get(0).message());
        assertTrue(below.get(0).message().contains("de la tranche T3 (5,20"), below.get(0).message());
        assertEquals(List.of(), errors(p -> p.replace("/billing/tariffs/1/maximumCents", 520)
                .replace("/billing/tariffs/1/pricesCents/T3", 520)), "equal to the dearest bracket: fine");
    }

    @Test
    void removingActivitiesOrUnitsDropsTheirBillingSoTheConfigurationStaysValid() {
        CommuneConfiguration billed = Samples.billed();
        Activity peri = billed.activities().get(1);
        Activity periMorningOnly = new Activity(peri.code(), peri.name(), peri.description(), peri.type(), peri.establishment(),
                peri.minAge(), peri.maxAge(), peri.levels(), peri.runsInHolidays(), peri.bookingDeadline(),
                peri.cancellationDeadline(), peri.latePolicy(), peri.needsValidation(), peri.documents(),
                peri.units().stream().filter(u -> !u.code().equals("SOIR")).toList());
        CommuneConfiguration without = billed.withActivities(List.of(periMorningOnly));
        assertEquals(List.of(), ConfigurationRules.validate(without));
        assertEquals(List.of("PERI"), without.billing().regies().get(0).activities());
        assertEquals(List.of(), without.billing().regies().get(1).activities());
        assertEquals(List.of("PERI", "PERI"), without.billing().tariffs().stream().map(t -> t.activity()).toList(),
                "the ALSH tariff and the SOIR unit's tariff are gone");
        assertEquals(billed, billed.withActivities(billed.activities()));
    }

    @Test
    void aBracketTariffNeedsTheCommunesBrackets() {
        List<FieldError> errors = errors(p -> p.replace("/billing/brackets", Json.createArrayBuilder().build()));
        assertEquals(new FieldError("billing.tariffs[1].mode", "Aucune tranche de quotient familial n'est définie"
                + " (écran Tarification) : un tarif par tranches en a besoin."), errors.get(0));
        assertEquals(new FieldError("billing.tariffs[1].pricesCents.T1", "Tranche inconnue : « T1 »."), errors.get(1));
    }

    @Test
    void anEnglishPageReadsTheProblemsInEnglish() {
        List<FieldError> errors = errors(p -> p.replace("/billing/brackets/1/min", 450).replace("/billing/regies/1/label", " ")
                .replace("/billing/tariffs/1/maximumCents", -1));
        assertEquals(List.of("La tranche T2 chevauche la tranche T1 (QF de 0 à 450).", "Le libellé est obligatoire.",
                "Le tarif maximum ne peut pas être négatif."), errors.stream().map(FieldError::message).toList());
        assertEquals(List.of("The bracket T2 overlaps the bracket T1 (QF 0 to 450).", "The label is required.",
                "The maximum tariff cannot be negative."),
                errors.stream().map(e -> e.text().in(Locale.ENGLISH)).toList());
        FieldError price = errors(p -> p.replace("/billing/tariffs/1/pricesCents/T2", 20_000_000)).get(0);
        assertEquals("Le prix de la tranche T2 ne doit pas dépasser " + Money.format(BillingRules.MAX_CENTS)
                + ".", price.message());
        assertEquals("The price of bracket T2 must not be more than €100,000.00.",
                price.text().in(Locale.ENGLISH));
        assertEquals("Reminder 3 (30 days) must come after reminder 2 (45 days).",
                errors(p -> p.add("/billing/reminderDays/-", 30)).get(0).text().in(Locale.ENGLISH));
    }
}
