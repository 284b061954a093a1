package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentTypeRules;
import fr.portailfamille.problems.FieldError;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changes only agent-sante (health document types) and régisseurs (where a régie collects) may make. */
class ConfigurationGuardsTest {

    static final CommuneConfiguration BEFORE = Samples.billed().withDocumentTypes(DocumentTypeRules.defaults());

    static int index(String code) {
        List<DocumentType> types = BEFORE.documentTypes();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    /**
     * An activity's last day moved into the past is refused beside it (its days since were booked, a save undoes from
     * today only); kept as it was, set to today or later, or an ended activity new to the commune, it is not.
     */
    @Test
    void aLastDayMovedIntoThePastIsRefused() {
        java.time.LocalDate today = java.time.LocalDate.of(2027, 7, 10);
        assertEquals(List.of(), ConfigurationGuards.lastDaysInThePast(BEFORE, BEFORE, today), "SPORT-U10's, as it was");
        assertEquals(List.of("activities[2].lastDay"), fields(ConfigurationGuards.lastDaysInThePast(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/activities/2/lastDay", "2027-07-01")), today)));
        assertEquals(List.of("activities[0].lastDay"), fields(ConfigurationGuards.lastDaysInThePast(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/activities/0/lastDay", "2027-07-09")), today)), "ALSH had none");
        assertEquals(List.of(), ConfigurationGuards.lastDaysInThePast(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/activities/0/lastDay", "2027-07-10")), today), "today");
        CommuneConfiguration without = BEFORE.withActivities(BEFORE.activities().subList(0, 2));
        assertEquals(List.of(), ConfigurationGuards.lastDaysInThePast(without, BEFORE, today), "new to the commune");
    }

    /**
     * A régie's SEPA creditor removed or its ICS changed while debits of it are planned: refused whoever saves (no file
     * could carry them any more); its IBAN or debit day, or a régie without planned debits, are not this rule's.
     */
    @Test
    void aSepaCreditorWithPlannedDebitsIsNeitherRemovedNorGivenAnotherIcs() {
        String regie = BEFORE.billing().regies().get(0).code();
        CommuneConfiguration cleared = Samples.patched(BEFORE, p -> p.replace("/billing/regies/0/sepa", jakarta.json.JsonValue.NULL));
        assertEquals(List.of("billing.regies[0].sepa.creditorId"),
                fields(ConfigurationGuards.sepaCreditorsInUse(BEFORE, cleared, java.util.Set.of(regie))));
        List<FieldError> otherIcs = ConfigurationGuards.sepaCreditorsInUse(BEFORE, Samples.patched(BEFORE,
                p -> p.replace("/billing/regies/0/sepa/creditorId", "FR44ZZZ654321")), java.util.Set.of(regie));
        assertEquals(List.of("billing.regies[0].sepa.creditorId"), fields(otherIcs));
        assertTrue(otherIcs.get(0).message().contains("sont prévus"), otherIcs.get(0).message());
        assertEquals(List.of(), ConfigurationGuards.sepaCreditorsInUse(BEFORE, cleared, java.util.Set.of()), "none planned");
        assertEquals(List.of(), ConfigurationGuards.sepaCreditorsInUse(BEFORE, Samples.patched(BEFORE,
                p -> p.replace("/billing/regies/0/sepa/debitDay", 5)), java.util.Set.of(regie)), "its debit day");
    }

    @Test
    void aHealthTypeUntickedRenamedOrRemovedIsAHealthChange() {
        int cert = index("CERTIFICAT_MEDICAL");
        assertEquals(List.of("documentTypes[" + cert + "].health"), fields(ConfigurationGuards.healthChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/documentTypes/" + cert + "/health", false)))));
        assertEquals(List.of("documentTypes[" + cert + "].label"), fields(ConfigurationGuards.healthChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/documentTypes/" + cert + "/label", "Certificat")))));
        List<FieldError> removed = ConfigurationGuards.healthChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.remove("/documentTypes/" + cert)));
        assertEquals(List.of("documentTypes"), fields(removed));
        assertEquals("Le type de documents de santé « Certificat médical » ne peut être retiré que par un agent habilité"
                + " santé (rôle agent-santé) : les documents déjà reçus deviendraient visibles de tous les agents.",
                removed.get(0).text().french());
    }

    @Test
    void anActivitysHealthDocumentRewordedOrDroppedIsAHealthChangeARenamedTypeIsFollowed() {
        // SPORT-U10 asks for « Certificat médical » (a health type)
        assertEquals(List.of("activities[2].documents"), fields(ConfigurationGuards.healthChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/activities/2/documents/0", "Certificat médical (signé)")))));
        List<FieldError> dropped = ConfigurationGuards.healthChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.remove("/activities/2/documents/0")));
        assertEquals(List.of("activities[2].documents"), fields(dropped));
        assertEquals("Seul un agent habilité santé (rôle agent-santé) peut reformuler ou retirer le document de santé"
                + " « Certificat médical » demandé par l'activité « École des sports » : les documents reçus sous un autre nom"
                + " ne seraient plus protégés.", dropped.get(0).text().french());
        // PERI's « Attestation d'assurance » is no health document: any agent rewords it
        assertEquals(List.of(), ConfigurationGuards.healthChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/activities/1/documents/0", "Assurance scolaire"))));
        // the type renamed on its screen: the activities asking for it by its label follow it
        List<DocumentType> renamed = BEFORE.documentTypes().stream().map(t -> !t.code().equals("CERTIFICAT_MEDICAL") ? t
                : new DocumentType(t.code(), "Certificat de non contre-indication", t.forChild(), t.health(), t.validity(),
                        t.months(), t.until())).toList();
        assertEquals(List.of("Certificat de non contre-indication"),
                BEFORE.withDocumentTypes(renamed).activities().get(2).documents());
        assertEquals(BEFORE.activities().get(1), BEFORE.withDocumentTypes(renamed).activities().get(1), "the others as they were");
    }

    @Test
    void otherDocumentTypeChangesAreEveryAgents() {
        int assurance = index("ASSURANCE");
        int cert = index("CERTIFICAT_MEDICAL");
        assertEquals(List.of(), ConfigurationGuards.healthChanges(BEFORE, BEFORE));
        assertEquals(List.of(), ConfigurationGuards.healthChanges(BEFORE, Samples.patched(BEFORE, p -> p
                .replace("/documentTypes/" + assurance + "/label", "Assurance scolaire")
                .replace("/documentTypes/" + assurance + "/health", true)
                .replace("/documentTypes/" + cert + "/label", " certificat MÉDICAL ")
                .replace("/documentTypes/" + cert + "/months", 6))), "health added, case and spaces, validity");
        assertEquals(List.of(), ConfigurationGuards.healthChanges(BEFORE, BEFORE.withDocumentTypes(null)),
                "a file without document types keeps the commune's");
    }

    @Test
    void whereARegieCollectsIsTheRegisseursChange() {
        assertEquals(List.of("billing.regies[0].payfipNumcli"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/0/payfipNumcli", "654321")))));
        // where families are told to pay, and the régisseur's contacts: printed on every invoice still to pay
        assertEquals(List.of("billing.regies[0].paymentInstructions", "billing.regies[0].manager.email",
                "billing.regies[0].manager.phone"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.add("/billing/regies/0/paymentInstructions", "Virement : FR76 0000 0000 0000")
                        .add("/billing/regies/0/manager/email", "autre@exemple.fr").add("/billing/regies/0/manager/phone",
                                "0600000000")))));
        assertEquals(List.of("billing.regies[0].sepa.iban", "billing.regies[0].sepa.bic"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/0/sepa/iban", "FR1420041010050500013M02606")
                        .replace("/billing/regies/0/sepa/bic", "PSSTFRPPLIL")))));
        assertEquals(List.of("billing.regies[0].sepa.creditorId", "billing.regies[0].sepa.name", "billing.regies[0].sepa.iban",
                "billing.regies[0].sepa.bic", "billing.regies[0].sepa.debitDay"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/0/sepa", jakarta.json.JsonValue.NULL)))), "SEPA cleared");
        // a new régie collecting by card
        assertEquals(List.of("billing.regies[2].payfipNumcli"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.add("/billing/regies/-", Json.createObjectBuilder().add("code", "CANT")
                        .add("label", "Régie cantine").add("invoicePrefix", "CA").add("activities", Json.createArrayBuilder())
                        .add("payfipNumcli", "111111").add("collection", "INVOICE").add("walletFloorCents", 0).build())))));
    }

    @Test
    void anEstablishmentWhereAnActivityTakesPlaceIsNotRemovedUnderIt() {
        CommuneConfiguration without = BEFORE.withEstablishments(BEFORE.establishments().stream()
                .filter(e -> !e.code().equals("JAURES")).toList());
        List<FieldError> errors = ConfigurationGuards.establishmentsInUse(BEFORE, without);
        assertEquals(List.of("establishments"), fields(errors));
        assertEquals("L'établissement « École Jean Jaurès » est le lieu de l'activité « Accueil périscolaire » : changez"
                + " d'abord son lieu (écran Activités) ; rien n'a été enregistré.", errors.get(0).text().french());
        assertEquals(List.of(), ConfigurationGuards.establishmentsInUse(BEFORE, BEFORE.withEstablishments(
                BEFORE.establishments().stream().filter(e -> !e.code().equals("SALLE-1")).toList())), "a place nobody uses");
        // its activity moved elsewhere in the same save (an imported file): nothing in the way
        CommuneConfiguration moved = without.withActivities(without.activities().stream().map(a -> !"JAURES".equals(
                a.establishment()) ? a : new CommuneConfiguration.Activity(a.code(), a.name(), a.description(), a.type(),
                "FERRY", a.minAge(), a.maxAge(), a.levels(), a.runsInHolidays(), a.bookingDeadline(),
                a.cancellationDeadline(), a.latePolicy(), a.needsValidation(), a.documents(), a.units(), a.lastDay()))
                .toList());
        assertEquals(List.of(), ConfigurationGuards.establishmentsInUse(BEFORE, moved));
    }

    @Test
    void theNumberingOfARegiesInvoicesIsTheRegisseursANewRegiesAnyAgents() {
        assertEquals(List.of("billing.regies[0].invoicePrefix"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/0/invoicePrefix", "ALSH")))));
        assertEquals("Seul un régisseur (rôle régisseur) peut changer le préfixe des numéros de facture de la régie « "
                + BEFORE.billing().regies().get(0).label() + " » : sa numérotation en dépend.",
                ConfigurationGuards.moneyChanges(BEFORE, Samples.patched(BEFORE, p -> p.replace(
                        "/billing/regies/0/invoicePrefix", "ALSH"))).get(0).text().french());
        assertEquals(List.of(), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.add("/billing/regies/-", Json.createObjectBuilder().add("code", "CANT")
                        .add("label", "Régie cantine").add("invoicePrefix", "CA").add("activities", Json.createArrayBuilder())
                        .add("collection", "INVOICE").add("walletFloorCents", 0).build())))));
    }

    @Test
    void invoicesOrAPorteMonnaieAndItsOverdraftAreTheRegisseursToo() {
        assertEquals(List.of("billing.regies[1].collection"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/1/collection", "INVOICE")))));
        assertEquals(List.of("billing.regies[1].walletFloorCents"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/1/walletFloorCents", -10000)))));
        // a new régie collecting by porte-monnaie
        assertEquals(List.of("billing.regies[2].collection"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.add("/billing/regies/-", Json.createObjectBuilder().add("code", "CANT")
                        .add("label", "Régie cantine").add("invoicePrefix", "CA").add("activities", Json.createArrayBuilder())
                        .add("collection", "WALLET").add("walletFloorCents", 0).build())))));
    }

    @Test
    void whichRegieBillsAnActivityIsTheRegisseursToo() {
        // PERI taken from the invoicing régie to the porte-monnaie one: its families would pay from a porte-monnaie
        List<FieldError> moved = ConfigurationGuards.moneyChanges(BEFORE, Samples.patched(BEFORE, p -> p
                .replace("/billing/regies/0/activities", Json.createArrayBuilder().add("ALSH").build())
                .replace("/billing/regies/1/activities", Json.createArrayBuilder().add("SPORT-U10").add("PERI").build())));
        assertEquals(List.of("billing.regies[1].activities"), fields(moved));
        assertEquals("Seul un régisseur (rôle régisseur) peut changer la régie qui facture l'activité « Accueil périscolaire » : c'est"
                + " là que ses familles paient.", moved.get(0).message());
        // and back out of every régie (no longer billed at all): told on the régie that billed it
        assertEquals(List.of("billing.regies[1].activities"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/1/activities", Json.createArrayBuilder().build())))));
        // an activity removed altogether (its régie no longer lists it) is every agent's: its removal has its own checks
        assertEquals(List.of(), ConfigurationGuards.moneyChanges(BEFORE, BEFORE.withActivities(BEFORE.activities().stream()
                .filter(a -> !a.code().equals("PERI")).toList())));
        // a new activity billed for the first time is every agent's
        assertEquals(List.of(), ConfigurationGuards.moneyChanges(BEFORE, Samples.patched(BEFORE, p -> p
                .replace("/billing/regies/0/activities", Json.createArrayBuilder().add("ALSH").add("PERI").add("NEW").build()))));
    }

    @Test
    void theRestOfARegieIsEveryAgents() {
        assertEquals(List.of(), ConfigurationGuards.moneyChanges(BEFORE, Samples.patched(BEFORE, p -> p
                .replace("/billing/regies/0/label", "Régie périscolaire")
                .replace("/billing/regies/0/manager/name", "Jean Régis")
                .replace("/billing/regies/0/sepa/iban", "FR76 3000 6000 0112 3456 7890 189")
                .remove("/billing/regies/1"))), "label, régisseur, the IBAN as typed with spaces, a removal");
        // the day families are debited on is the creditor's, the régisseur's
        assertEquals(List.of("billing.regies[0].sepa.debitDay"), fields(ConfigurationGuards.moneyChanges(BEFORE,
                Samples.patched(BEFORE, p -> p.replace("/billing/regies/0/sepa/debitDay", 5)))));
        assertEquals(List.of(), ConfigurationGuards.moneyChanges(BEFORE, BEFORE.withBilling(null)));
    }
}
