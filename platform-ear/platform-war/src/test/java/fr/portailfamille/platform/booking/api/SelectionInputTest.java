package fr.portailfamille.platform.booking.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.kernel.PlatformTime;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code POST /reservations} accepts as a selection, and the code and field of each refusal. */
class SelectionInputTest {

    static final LocalDate DAY = PlatformTime.today().plusDays(10);

    static ApiError refused(String body) {
        ApiException e = assertThrows(ApiException.class, () -> ReservationsResource.parse(body));
        assertEquals(400, e.status());
        return e.error();
    }

    static String element(Object child, Object unit, Object date, Object action) {
        return "{\"enfant\": " + child + ", \"unite\": " + unit + ", \"date\": " + date + ", \"action\": " + action + "}";
    }

    @Test
    void aSelectionIsAnObjectWithElementsOrTheArrayAlone() {
        String one = element(12, 34, "\"" + DAY + "\"", "\"reserver\"");
        List<ReservationsResource.Element> parsed = ReservationsResource.parse("{\"elements\": [" + one + ", "
                + element(12, 34, "\"" + DAY.plusDays(1) + "\"", "\"annuler\"") + "]}");
        assertEquals(List.of(new ReservationsResource.Element(12, 34, DAY, "reserver"),
                new ReservationsResource.Element(12, 34, DAY.plusDays(1), "annuler")), parsed);
        assertEquals(parsed.subList(0, 1), ReservationsResource.parse("[" + one + "]"));
        // a request withdrawn, never billed
        assertEquals(List.of(new ReservationsResource.Element(12, 34, DAY, "retirer")),
                ReservationsResource.parse("[" + element(12, 34, "\"" + DAY + "\"", "\"retirer\"") + "]"));
    }

    @Test
    void eachFaultHasItsCodeAndThePathOfItsField() {
        assertEquals("json_invalide", refused("{\"elements\": [").code());
        assertEquals("json_invalide", refused("").code());
        assertEquals("json_invalide", refused("42").code());
        assertEquals("selection_vide", refused("[]").code());
        ApiError child = refused("[" + element("\"a\"", 1, "\"" + DAY + "\"", "\"reserver\"") + "]");
        assertEquals("element_invalide", child.code());
        assertEquals("elements[0].enfant", child.champs().get(0).champ());
        assertEquals("element_invalide", refused("[" + element(-3, 1, "\"" + DAY + "\"", "\"reserver\"") + "]").code());
        assertEquals("element_invalide", refused("[" + element(1.5, 1, "\"" + DAY + "\"", "\"reserver\"") + "]").code());
        assertEquals("element_invalide", refused("[" + element(1, "null", "\"" + DAY + "\"", "\"reserver\"") + "]").code());
        ApiError date = refused("[" + element(1, 2, "\"" + DAY + "\"", "\"reserver\"") + ", "
                + element(1, 2, "\"31/12/2027\"", "\"reserver\"") + "]");
        assertEquals("date_invalide", date.code());
        assertEquals("elements[1].date", date.champs().get(0).champ());
        assertEquals("date_invalide", refused("[" + element(1, 2, "\"" + PlatformTime.today().minusDays(1) + "\"", "\"reserver\"") + "]").code());
        assertEquals("date_invalide", refused("[" + element(1, 2, "\"" + PlatformTime.today().plusYears(3) + "\"", "\"reserver\"") + "]").code());
        assertEquals("action_invalide", refused("[" + element(1, 2, "\"" + DAY + "\"", "\"RESERVER\"") + "]").code());
        assertEquals("element_en_double", refused("[" + element(1, 2, "\"" + DAY + "\"", "\"reserver\"") + ", "
                + element(1, 2, "\"" + DAY + "\"", "\"annuler\"") + "]").code());
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 401; i++) {
            many.append(i == 0 ? "" : ",").append(element(1, 2, "\"" + DAY.plusDays(i) + "\"", "\"reserver\""));
        }
        assertEquals("selection_trop_longue", refused(many + "]").code());
    }

    @Test
    void idsInPathsArePositiveNumbers() {
        assertEquals(12L, ReservationsResource.parseId("12").orElseThrow());
        assertEquals(true, ReservationsResource.parseId("0").isEmpty());
        assertEquals(true, ReservationsResource.parseId("-1").isEmpty());
        assertEquals(true, ReservationsResource.parseId("1e3").isEmpty());
        assertEquals(true, ReservationsResource.parseId(null).isEmpty());
        assertEquals(true, ReservationsResource.parseId("99999999999999999999").isEmpty());
    }
}
