package fr.portailfamille.platform.family.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.Money;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** What a change request asked, in words, as Mes demandes and the agents' queue show it (the pages' bundle). */
class ChangeDescriptionsTest {

    /** The words of the pages' bundle in {@code locale}, as {@code Texts.of} and {@code Texts.amount} give them. */
    static ChangeDescriptions.Words words(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("fr.portailfamille.platform.web.messages", locale);
        return new ChangeDescriptions.Words() {
            @Override
            public String of(String key, Object... args) {
                return args.length == 0 ? bundle.getString(key) : new MessageFormat(bundle.getString(key), locale).format(args);
            }

            @Override
            public String amount(long cents) {
                return Money.format(cents, locale);
            }
        };
    }

    static final ChangeDescriptions.Words FRENCH = words(Locale.FRENCH);

    @Test
    void eachValueIsOneLineWithItsLabel() {
        assertEquals(List.of("Téléphone portable : 06 12 34 56 78", "Téléphone du domicile : —"),
                ChangeDescriptions.lines("{\"/responsable1/mobilePhone\":\"06 12 34 56 78\",\"/homePhone\":null}", FRENCH));
        assertEquals(List.of("Adresse : 3 rue des Lilas", "Code postal : 87100", "Commune : Limoges"),
                ChangeDescriptions.lines("{\"/addressLine\":\"3 rue des Lilas\",\"/postcode\":\"87100\",\"/city\":\"Limoges\"}", FRENCH));
        assertEquals(List.of("Conjoint – Prénom : Sam"), ChangeDescriptions.lines("{\"/responsable2/firstName\":\"Sam\"}", FRENCH));
    }

    @Test
    void aNewChildIsItsNameBirthDateAndSchoolWithoutItsHealthRecord() {
        List<String> lines = ChangeDescriptions.lines("{\"/children/1\":{\"id\":null,\"firstName\":\"Noé\",\"lastName\":\"Martin\","
                + "\"birthDate\":\"2020-04-02\",\"school\":\"École Jules Ferry\",\"allergies\":\"arachide\"}}", FRENCH);
        assertEquals(List.of("Enfant 2 : Noé Martin, né(e) le 2020-04-02, École Jules Ferry"), lines);
    }

    @Test
    void anEnglishPageReadsTheSameChangeInEnglish() {
        assertEquals(List.of("Mobile phone: 06 12 34 56 78", "Home phone: —", "Partner – First name: Sam",
                        "Child 1 – Photos allowed: yes", "Child 2: Noé Martin, born on 2020-04-02, École Jules Ferry"),
                ChangeDescriptions.lines("{\"/responsable1/mobilePhone\":\"06 12 34 56 78\",\"/homePhone\":null,"
                        + "\"/responsable2/firstName\":\"Sam\",\"/children/0/photoConsent\":true,"
                        + "\"/children/1\":{\"firstName\":\"Noé\",\"lastName\":\"Martin\",\"birthDate\":\"2020-04-02\","
                        + "\"school\":\"École Jules Ferry\"}}", words(Locale.ENGLISH)));
    }

    @Test
    void monthlyResourcesAreEurosAndNoTextIsNoLine() {
        assertEquals(List.of("Situation familiale : Divorcé(e)s", "Justificatif du quotient : Avis d'imposition",
                        "Conjoint – Civilité : Madame", "Enfant 1 – Sexe : Fille"),
                ChangeDescriptions.lines("{\"/situation\":\"DIVORCES\",\"/qfSource\":\"AVIS_IMPOSITION\","
                        + "\"/responsable2/civility\":\"Mme\",\"/children/0/sex\":\"F\"}", FRENCH));
        assertEquals(List.of("Family situation: Divorced", "Partner – Title: Mrs"),
                ChangeDescriptions.lines("{\"/situation\":\"DIVORCES\",\"/responsable2/civility\":\"MME\"}",
                        words(Locale.ENGLISH)));
        assertEquals(List.of("Situation familiale : INCONNU"), ChangeDescriptions.lines("{\"/situation\":\"INCONNU\"}", FRENCH),
                "a code without its word: the code");
        assertEquals(List.of("Ressources mensuelles : 1\u00a0850,50\u00a0€", "Justificatif du quotient : CAF"),
                ChangeDescriptions.lines("{\"/monthlyResourcesCents\":185050,\"/qfSource\":\"CAF\"}", FRENCH));
        assertEquals(List.of("Monthly resources: €1,850.50"),
                ChangeDescriptions.lines("{\"/monthlyResourcesCents\":185050}", words(Locale.ENGLISH)));
        assertEquals(List.of("Ressources mensuelles : 1\u00a0850,50\u00a0€"),
                ChangeDescriptions.lines("{\"/monthlyResourcesCents\":185050}", (key, args) -> FRENCH.of(key, args)),
                "Texts::of outside a page: French");
        assertEquals(List.of(), ChangeDescriptions.lines(null, FRENCH));
        assertEquals(List.of(), ChangeDescriptions.lines(" ", FRENCH));
        assertEquals("Code postal : 87100\nCommune : Limoges",
                ChangeDescriptions.describe("{\"/postcode\":\"87100\",\"/city\":\"Limoges\"}", FRENCH));
    }

    /** The agents' queue names the family's children: « Enfant 2 (Léa) », a new child (no name yet in the file) by its number. */
    @Test
    void theAgentsQueueNamesTheChildren() {
        assertEquals("Enfant 2 (Léa) – PAI : oui\nEnfant 3 : Noé Martin, né(e) le 2020-04-02, École Jules Ferry",
                ChangeDescriptions.describe("{\"/children/1/pai\":true,\"/children/2\":{\"firstName\":\"Noé\","
                        + "\"lastName\":\"Martin\",\"birthDate\":\"2020-04-02\",\"school\":\"École Jules Ferry\"}}",
                        FRENCH, List.of("Tom", "Léa")));
    }
}
