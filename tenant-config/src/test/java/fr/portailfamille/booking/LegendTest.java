package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.Legend.LegendEntry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegendTest {

    @Test
    void theDefaultLegendReadsInThePagesLanguageTheCommunesOwnWordsAsTyped() {
        Legend defaults = Legend.defaults();
        assertEquals("Réservable", defaults.label(DayState.RESERVABLE, java.util.Locale.FRENCH));
        assertEquals("Bookable", defaults.label(DayState.RESERVABLE, java.util.Locale.ENGLISH));
        assertEquals("Waiting list", defaults.label(DayState.LISTE_ATTENTE, java.util.Locale.ENGLISH));
        for (DayState state : DayState.values()) {
            assertTrue(!defaults.label(state, java.util.Locale.ENGLISH).equals(defaults.label(state, java.util.Locale.FRENCH)),
                    state + " has its English words");
        }
        Legend own = defaults.with(DayState.RESERVABLE, new LegendEntry("Libre", "#d1fae5", "#065f46"));
        assertEquals("Libre", own.label(DayState.RESERVABLE, java.util.Locale.ENGLISH), "the commune's own word, as it typed it");
        assertNull(new Legend(Map.of()).label(DayState.RESERVABLE, java.util.Locale.ENGLISH));
    }

    @Test
    void defaultsAreCompleteAndValid() {
        Legend legend = Legend.defaults();
        assertEquals(List.of(), legend.validate());
        assertEquals(DayState.values().length, legend.entries().size());
        assertEquals("Réservable", legend.entry(DayState.RESERVABLE).label());
        assertEquals("Hors délai, l'inscription sera majorée", legend.entry(DayState.HORS_DELAI_MAJORE).label());
        assertEquals("Liste d'attente", legend.entry(DayState.LISTE_ATTENTE).label());
        for (DayState s : DayState.values()) {
            LegendEntry e = legend.entry(s);
            assertTrue(Legend.contrastRatio(e.background(), e.text()) >= 4.5, s + " " + e);
        }
    }

    @Test
    void defaultBackgroundsAreDistinct() {
        assertEquals(DayState.values().length, Legend.defaults().entries().values().stream()
                .map(e -> e.background().toLowerCase()).distinct().count());
    }

    @Test
    void badColourGivesAFrenchError() {
        Legend legend = Legend.defaults().with(DayState.COMPLET, new LegendEntry("Complet", "rouge", "#ffffff"));
        List<String> errors = legend.validate().stream().map(Message::french).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("La couleur de fond de « Complet » est invalide : « rouge » (format attendu : #rrggbb).",
                errors.get(0));
        assertEquals(1, Legend.defaults().with(DayState.COMPLET, new LegendEntry("Complet", "#b91c1c", "#fff"))
                .validate().size(), "short hex form is refused");
    }

    @Test
    void insufficientContrastIsReported() {
        Legend legend = Legend.defaults().with(DayState.LISTE_ATTENTE,
                new LegendEntry("Liste d'attente", "#f2a900", "#ffffff"));
        List<String> errors = legend.validate().stream().map(Message::french).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Le contraste entre le texte et le fond de « Liste d'attente » est insuffisant"),
                errors.get(0));
        assertTrue(errors.get(0).contains("4,5:1"), errors.get(0));
    }

    @Test
    void missingStatesEmptyAndDuplicateLabelsAreListed() {
        Map<DayState, LegendEntry> entries = new EnumMap<>(Legend.defaults().entries());
        entries.remove(DayState.FERIE);
        entries.put(DayState.VACANCES, new LegendEntry(" ", "#cffafe", "#164e63"));
        entries.put(DayState.ABSENT_FACTURE, new LegendEntry("absent (excusé)", "#9a3412", "#ffffff"));
        List<String> errors = new Legend(entries).validate().stream().map(Message::french).toList();
        assertEquals(List.of(
                "Aucun libellé ni couleur pour l'état « Jour férié ».",
                "Le libellé de l'état « Vacances scolaires » est vide.",
                "Le libellé « absent (excusé) » est utilisé par deux états (« Absent (excusé) » et « Absent (facturé) ») :"
                        + " les familles ne pourraient pas les distinguer."), errors);
        assertEquals("No label or colours for the state “Public holiday”.",
                new Legend(entries).validate().get(0).in(java.util.Locale.ENGLISH));
    }

    @Test
    void wcagContrast() {
        assertEquals(21.0, Legend.contrastRatio("#000000", "#FFFFFF"), 0.01);
        assertEquals(1.0, Legend.contrastRatio("#777777", "#777777"), 0.001);
        assertEquals(4.48, Legend.contrastRatio("#777777", "#ffffff"), 0.01);
        assertEquals(Legend.contrastRatio("#1d4ed8", "#ffffff"), Legend.contrastRatio("#ffffff", "#1d4ed8"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Legend.contrastRatio("blue", "#ffffff"));
    }

    @Test
    void legendIsImmutable() {
        Legend legend = Legend.defaults();
        assertThrows(UnsupportedOperationException.class, () -> legend.entries().remove(DayState.FERME));
        Legend changed = legend.with(DayState.FERME, new LegendEntry("Fermé", "#000000", "#ffffff"));
        assertEquals("Fermé / non réservable", legend.entry(DayState.FERME).label());
        assertEquals("Fermé", changed.entry(DayState.FERME).label());
        assertNull(new Legend(Map.of()).entry(DayState.FERME));
    }

    @Test
    void anEnglishPageReadsThemInEnglishTheRatioWrittenAsItsNumbers() {
        Legend legend = Legend.defaults().with(DayState.LISTE_ATTENTE,
                new LegendEntry("Liste d'attente", "#f2a900", "#ffffff"));
        Message contrast = legend.validate().get(0);
        assertTrue(contrast.in(java.util.Locale.ENGLISH).startsWith("The contrast between the text and the background of"
                + " “Liste d'attente” is too low: 2.01:1"), contrast.in(java.util.Locale.ENGLISH));
        assertTrue(contrast.french().contains(" : 2,01:1"), contrast.french());
    }
}
