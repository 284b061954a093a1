package fr.portailfamille.platform.configuration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.configuration.ConfigurationChanges;
import fr.portailfamille.configuration.ConfigurationChanges.SectionChange;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration's journal in words: each value changed, where, before and after (French, as without a page). */
class JournalViewTest {

    private final JournalView view = new JournalView();

    @Test
    void eachValueChangedIsOneLineWithItsPlaceInWordsAndItsValues() {
        SectionChange activities = new SectionChange("activities", json("""
                [{"code": "CANTINE", "booking": {"deadline": "J-2@23:59", "validation": false},
                  "units": [{"code": "MIDI", "capacity": 30, "weekdays": ["MON", "TUE"]}, {"code": "SOIR", "capacity": 10}]}]"""),
                json("""
                [{"code": "CANTINE", "booking": {"deadline": "J-3@12:00", "validation": true},
                  "units": [{"code": "MIDI", "capacity": 25, "weekdays": []}, {"code": "GOUTER", "capacity": 12}]}]"""));
        assertEquals("modifié : CANTINE", view.summary(activities));
        assertEquals(List.of("CANTINE › réservation › délai de réservation : J-2@23:59 → J-3@12:00",
                "CANTINE › réservation › validation par un agent : non → oui",
                "CANTINE › moments › MIDI › capacité : 30 → 25",
                "CANTINE › moments › MIDI › jours de la semaine : MON, TUE → (aucun)",
                "CANTINE › moments › GOUTER : ajouté",
                "CANTINE › moments › SOIR : retiré"), view.details(activities));
    }

    /** A legend's state by what it means, as the legend's screen titles it, never by its code. */
    @Test
    void aLegendsStateIsToldInWords() {
        SectionChange legend = new SectionChange("legend",
                json("""
                {"RESERVABLE": {"label": "Réservable", "background": "#ffffff", "text": "#000000"}}"""),
                json("""
                {"RESERVABLE": {"label": "Libre", "background": "#ffffff", "text": "#000000"}}"""));
        assertEquals(List.of("Réservable : des places restent, le délai de réservation court › libellé : Réservable → Libre"),
                view.details(legend));
    }

    @Test
    void amountsAreInEurosAndANewGroupOfFieldsIsToldFieldByField() {
        SectionChange tariffs = new SectionChange("billing.tariffs", json("""
                [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01", "pricesCents": {"T1": 300, "T2": 350},
                  "effortRate": null, "unknownField": 1}]"""), json("""
                [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01", "pricesCents": {"T1": 300, "T2": 1360},
                  "effortRate": {"percent": 0.5, "floorCents": 150}, "unknownField": 2}]"""));
        assertEquals(List.of("CANTINE / MIDI (2026-09-01) › prix › T2 : 3,50 € → 13,60 €",
                "CANTINE / MIDI (2026-09-01) › taux d'effort › pourcentage : (aucun) → 0,5",
                "CANTINE / MIDI (2026-09-01) › taux d'effort › plancher : (aucun) → 1,50 €",
                "CANTINE / MIDI (2026-09-01) › unknownField : 1 → 2"), view.details(tariffs).stream()
                .map(l -> l.replace('\u202f', ' ').replace('\u00a0', ' ')).toList(), "a field the page does not name: as the file does");
    }

    @Test
    void aTariffOfTheWholeActivityAndTwoHolidaysOfTheSameNameAreToldApart() {
        SectionChange tariffs = new SectionChange("billing.tariffs", json("""
                [{"activity": "PERI", "unit": null, "validFrom": "2026-09-01", "maximumCents": 200}]"""), json("""
                [{"activity": "PERI", "unit": null, "validFrom": "2026-09-01", "maximumCents": 250}]"""));
        assertEquals("modifié : PERI (2026-09-01)", view.summary(tariffs));
        SectionChange periods = new SectionChange("periods", json("""
                [{"kind": "VACANCES", "label": "Vacances de la Toussaint", "start": "2026-10-17", "end": "2026-11-02"},
                 {"kind": "VACANCES", "label": "Vacances de la Toussaint", "start": "2027-10-16", "end": "2027-11-01"}]"""),
                json("""
                [{"kind": "VACANCES", "label": "Vacances de la Toussaint", "start": "2026-10-17", "end": "2026-11-02"},
                 {"kind": "VACANCES", "label": "Vacances de la Toussaint", "start": "2027-10-16", "end": "2027-11-03"}]"""));
        assertEquals("modifié : Vacances de la Toussaint (2027-10-16)", view.summary(periods));
        assertEquals(List.of("Vacances de la Toussaint (2027-10-16) › fin : 2027-11-01 → 2027-11-03"), view.details(periods));
    }

    @Test
    void codesAreInTheWordsOfTheConfigurationsScreens() {
        SectionChange activities = new SectionChange("activities", json("""
                [{"code": "CANTINE", "type": "RESTAURATION", "booking": {"late": "REFUSED"}}]"""), json("""
                [{"code": "CANTINE", "type": "PERISCOLAIRE", "booking": {"late": "SURCHARGED"}}]"""));
        assertEquals(List.of("CANTINE › type : Restauration scolaire → Périscolaire",
                "CANTINE › réservation › hors délai : Refusée → Acceptée et majorée"), view.details(activities));
        SectionChange tariffs = new SectionChange("billing.tariffs", json("""
                [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01", "mode": "BRACKETS", "late": null}]"""), json("""
                [{"activity": "CANTINE", "unit": "MIDI", "validFrom": "2026-09-01", "mode": "EFFORT_RATE",
                  "late": {"kind": "PERCENT", "percent": 10}}]"""));
        assertEquals(List.of("CANTINE / MIDI (2026-09-01) › mode de calcul : Par tranches de quotient familial → Taux d'effort"
                        + " (ressources mensuelles)",
                "CANTINE / MIDI (2026-09-01) › hors délai › nature : (aucun) → Majoration en %",
                "CANTINE / MIDI (2026-09-01) › hors délai › pourcentage : (aucun) → 10"), view.details(tariffs));
    }

    @Test
    void aSectionOfOneValueSaysItInItsSummaryAndALongTextIsCut() {
        SectionChange zone = new SectionChange("zone", Json.createValue("A"), Json.createValue("B"));
        assertEquals("A → B", view.summary(zone));
        assertEquals(List.of(), view.details(zone));
        SectionChange cgu = new SectionChange("cgu", Json.createValue("Anciennes"), Json.createValue("Article 1.\n\n" + "x".repeat(200)));
        String summary = view.summary(cgu);
        assertEquals("Anciennes → Article 1. " + "x".repeat(79 - "Article 1. ".length()) + "…", summary);
        // two long texts that part after what a line shows: shown from a little before where they do
        String article = "Article 1. Le portail est ouvert aux familles de la commune, qui y inscrivent leurs enfants";
        SectionChange later = new SectionChange("cgu", Json.createValue(article + " aux activités."),
                Json.createValue(article + " aux activités périscolaires et extrascolaires."));
        assertEquals("…enfants aux activités. → …enfants aux activités périscolaires et extrascolaires.",
                view.summary(later));
        SectionChange months = new SectionChange("billing.qfValidityMonths", JsonValue.NULL, Json.createValue(12));
        assertEquals("(aucun) → 12", view.summary(months));
        assertEquals(List.of(), ConfigurationChanges.between(
                fr.portailfamille.configuration.DefaultConfiguration.get(java.time.LocalDate.of(2026, 12, 1)),
                fr.portailfamille.configuration.DefaultConfiguration.get(java.time.LocalDate.of(2026, 12, 1))));
    }

    private static JsonValue json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }
}
