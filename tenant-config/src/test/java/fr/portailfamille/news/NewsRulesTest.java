package fr.portailfamille.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.problems.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewsRulesTest {

    private static final Instant NOON = Instant.parse("2026-12-02T11:00:00Z");

    private static NewsRules.Draft draft(Instant publishAt, Instant endAt) {
        return new NewsRules.Draft("Repas de Noël", "Le 18 décembre, repas de fête à la cantine.", publishAt, endAt,
                NewsAudience.EVERYONE, Set.of(), false, null);
    }

    @Test
    void theStateDependsOnPublicationAndTheInstant() {
        Instant from = NOON;
        Instant to = NOON.plusSeconds(3600);
        assertEquals(NewsState.BROUILLON, NewsState.at(false, from, to, NOON.plusSeconds(60)), "jamais publiée");
        assertEquals(NewsState.BROUILLON, NewsState.at(true, null, null, NOON), "sans date");
        assertEquals(NewsState.PROGRAMMEE, NewsState.at(true, from, to, NOON.minusSeconds(1)));
        assertEquals(NewsState.EN_LIGNE, NewsState.at(true, from, to, NOON), "dès la date de publication");
        assertEquals(NewsState.EN_LIGNE, NewsState.at(true, from, to, to.minusSeconds(1)));
        assertEquals(NewsState.TERMINEE, NewsState.at(true, from, to, to), "la fin est exclue");
        assertEquals(NewsState.EN_LIGNE, NewsState.at(true, from, null, NOON.plusSeconds(86_400L * 365)), "sans fin");
        assertEquals("programmée", NewsState.PROGRAMMEE.label());
        assertEquals("en ligne", NewsState.EN_LIGNE.label());
        assertEquals("terminée", NewsState.TERMINEE.label());
        assertEquals("brouillon", NewsState.BROUILLON.label());
    }

    @Test
    void everyoneSeesANewsForEveryoneOnlyTargetedFamiliesSeeTheOthers() {
        assertTrue(NewsAudience.EVERYONE.reaches(Set.of(), null), "visiteur anonyme");
        assertTrue(NewsAudience.EVERYONE.reaches(Set.of(), Set.of(3L)));
        assertFalse(NewsAudience.ACTIVITIES.reaches(Set.of(1L, 2L), null), "anonyme : jamais une actualité ciblée");
        assertFalse(NewsAudience.ACTIVITIES.reaches(Set.of(1L, 2L), Set.of()), "famille sans inscription");
        assertFalse(NewsAudience.ACTIVITIES.reaches(Set.of(1L, 2L), Set.of(3L)), "famille d'une autre activité");
        assertTrue(NewsAudience.ACTIVITIES.reaches(Set.of(1L, 2L), Set.of(3L, 2L)));
    }

    @Test
    void datesComeInOrderAndAPublishedNewsEndsInTheFuture() {
        assertEquals(List.of(), NewsRules.check(draft(NOON, null), true, NOON));
        assertEquals(List.of(), NewsRules.check(draft(NOON.plusSeconds(60), NOON.plusSeconds(120)), true, NOON));
        assertEquals(List.of("endAt"), fields(NewsRules.check(draft(NOON, NOON), false, NOON)), "fin = début");
        assertEquals(List.of("endAt"), fields(NewsRules.check(draft(NOON, NOON.minusSeconds(1)), false, NOON)));
        NewsRules.Draft ended = draft(NOON.minusSeconds(7200), NOON.minusSeconds(60));
        assertEquals(List.of(), NewsRules.check(ended, false, NOON), "un brouillon peut garder ses dates");
        assertEquals(List.of(new FieldError("endAt", "La fin de publication est déjà passée : choisissez une date à venir"
                + " ou laissez-la vide.")), NewsRules.check(ended, true, NOON));
    }

    @Test
    void textsAreRequiredAndLimitedTargetsAndAltTextToo() {
        NewsRules.Draft empty = new NewsRules.Draft(" ", "\n", null, null, NewsAudience.ACTIVITIES, Set.of(), true, " ");
        assertEquals(List.of("title", "body", "activities", "imageAlt"), fields(NewsRules.check(empty, false, NOON)));
        NewsRules.Draft longOnes = new NewsRules.Draft("t".repeat(201), "b".repeat(4001), null, null, NewsAudience.EVERYONE,
                Set.of(), true, "a".repeat(251));
        List<FieldError> errors = NewsRules.check(longOnes, false, NOON);
        assertEquals(List.of("title", "body", "imageAlt"), fields(errors));
        assertEquals("Le titre ne doit pas dépasser 200 caractères.", errors.get(0).message());
        assertEquals("Le texte ne doit pas dépasser 4000 caractères. (il en compte 4001)", errors.get(1).message());
        NewsRules.Draft atLimits = new NewsRules.Draft("t".repeat(200), "b".repeat(4000), null, null,
                NewsAudience.ACTIVITIES, Set.of(7L), true, "a".repeat(250));
        assertEquals(List.of(), NewsRules.check(atLimits, true, NOON));
        assertEquals(List.of("audience"), fields(NewsRules.check(new NewsRules.Draft("T", "B", null, null, null, Set.of(),
                false, null), false, NOON)));
    }

    @Test
    void theBodyIsPlainTextInParagraphsAndLines() {
        String typed = "  Bonjour,\r\n\r\nLe centre ouvre à 7 h 30.   \r\nPrévoir une gourde.\n\n\n<script>alert(1)</script>\n";
        assertEquals("Bonjour,\n\nLe centre ouvre à 7 h 30.\nPrévoir une gourde.\n\n\n<script>alert(1)</script>",
                NewsRules.body(typed));
        assertEquals(List.of(List.of("Bonjour,"), List.of("Le centre ouvre à 7 h 30.", "Prévoir une gourde."),
                List.of("<script>alert(1)</script>")), NewsRules.paragraphs(typed), "le texte reste du texte");
        assertEquals(List.of(), NewsRules.paragraphs(null));
    }

    @Test
    void aTileShowsTheBeginningOfTheBodyCutOnAWord() {
        assertEquals("Court texte sur deux lignes.", NewsRules.excerpt("Court texte\nsur deux lignes."));
        String longText = "mot ".repeat(100);
        String excerpt = NewsRules.excerpt(longText);
        assertTrue(excerpt.endsWith("mot…"), excerpt);
        assertTrue(excerpt.length() <= NewsRules.EXCERPT + 1, excerpt);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
