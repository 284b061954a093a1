package fr.portailfamille.platform.registration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Who an activity takes, in the page's words (French outside a Faces request). */
class OfferAudienceTest {

    @Test
    void agesAndLevelsInWords() {
        assertEquals("3 à 11 ans", InscriptionsView.Offer.audience(3, 11, null));
        assertEquals("dès 6 ans (CP, CE1)", InscriptionsView.Offer.audience(6, null, "CP,CE1"));
        assertEquals("jusqu'à 11 ans", InscriptionsView.Offer.audience(null, 11, " "));
        assertEquals("CM1, CM2", InscriptionsView.Offer.audience(null, null, "CM1,CM2"));
        assertEquals("", InscriptionsView.Offer.audience(null, null, null));
    }
}
