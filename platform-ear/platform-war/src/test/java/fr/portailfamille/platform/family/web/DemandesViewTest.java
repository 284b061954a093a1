package fr.portailfamille.platform.family.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.portailfamille.platform.family.requests.RequestFilter;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestState;
import org.junit.jupiter.api.Test;

/** Mes demandes' URL parameters: absent, unknown or hostile values filter nothing and never fail the page. */
class DemandesViewTest {

    @Test
    void absentParametersFilterNothing() {
        DemandesView v = new DemandesView();
        assertEquals(RequestFilter.ALL, v.filter());
        assertEquals(1, v.getPageNumber());
        assertEquals("?page=2", v.pageQuery(2));
    }

    @Test
    void unknownOrHostileValuesAreIgnored() {
        DemandesView v = new DemandesView();
        v.setType("ADRESSE'><script>");
        v.setEtat("DONE");
        v.setPeriode("999");
        v.setPage("-3");
        assertEquals(RequestFilter.ALL, v.filter());
        assertEquals(1, v.getPageNumber());
        v.setPage("x");
        assertEquals(1, v.getPageNumber());
    }

    @Test
    void knownValuesFilterAndAreKeptFromPageToPage() {
        DemandesView v = new DemandesView();
        v.setType("ABSENCE");
        v.setEtat("REFUSED");
        v.setPeriode("3");
        v.setPage("2");
        RequestFilter f = v.filter();
        assertEquals(RequestKind.ABSENCE, f.kind());
        assertEquals(RequestState.REFUSED, f.state());
        assertNotNull(f.since());
        assertEquals(2, v.getPageNumber());
        assertEquals("?page=3&type=ABSENCE&etat=REFUSED&periode=3", v.pageQuery(3));
        v.setPeriode("");
        assertNull(v.filter().since());
    }

    @Test
    void onlyAChangeOfTheFileHasValuesAndOthersReadNothing() {
        DemandesView v = new DemandesView(); // no service: a read would fail
        assertEquals(java.util.List.of(), v.values(new fr.portailfamille.platform.family.requests.RequestLine(
                RequestKind.ABSENCE, 3, "Léa", "Cantine", null, RequestState.PENDING, null, null, "/espace/planning.xhtml")));
        assertEquals(java.util.List.of(), v.values(null));
    }

    @Test
    void aReasonsWordsAreWrittenInThePagesLanguageAndAnAgentsTextAsTyped() {
        DemandesView v = new DemandesView();
        var refused = new fr.portailfamille.platform.family.requests.RequestLine(RequestKind.RESERVATION, 4, "Léa",
                "Cantine", null, RequestState.REFUSED, null, "{requests.reason.noSeat}", "/espace/planning.xhtml");
        assertEquals("[requests.reason.noSeat]", refused.reasonIn(k -> "[" + k + "]"));
        var typed = new fr.portailfamille.platform.family.requests.RequestLine(RequestKind.RESERVATION, 5, "Léa",
                "Cantine", null, RequestState.REFUSED, null, "Complet {sic}", "/espace/planning.xhtml");
        assertEquals("Complet {sic}", typed.reasonIn(k -> "[" + k + "]"));
        assertNull(v.reason(null));
        assertNull(new fr.portailfamille.platform.family.requests.RequestLine(RequestKind.RESERVATION, 6, "Léa",
                "Cantine", null, RequestState.ACCEPTED, null, null, "/espace/planning.xhtml").reasonIn(k -> k));
    }
}
