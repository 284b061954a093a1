package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Mon planning's view state goes to the session packed, and a view untouched by a request writes back what it read. */
class PlanningViewStateTest {

    static byte[] write(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static PlanningView read(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (PlanningView) in.readObject();
        }
    }

    @Test
    void theStateComesBackFromTheSessionAndAnUntouchedViewWritesBackWhatItRead() throws Exception {
        PlanningView view = new PlanningView();
        view.setCopyUntil(LocalDate.of(2027, 3, 31));
        view.setWeekFrom(LocalDate.of(2027, 3, 1));
        view.getWeek().put("MONDAY|12", true);
        byte[] first = write(view);

        // another view of the session, not used by this request: the same bytes go back, nothing unpacked
        byte[] again = write(read(first));
        assertArrayEquals(first, again);

        // the view used again: its state is all there, and still there after another trip
        PlanningView used = read(again);
        assertEquals(LocalDate.of(2027, 3, 31), used.getCopyUntil());
        used.setWeekTo(LocalDate.of(2027, 6, 30));
        PlanningView back = read(write(used));
        assertEquals(LocalDate.of(2027, 3, 1), back.getWeekFrom());
        assertEquals(LocalDate.of(2027, 6, 30), back.getWeekTo());
        assertEquals(Boolean.TRUE, back.getWeek().get("MONDAY|12"));
        assertEquals(0, back.getSelectionSize());
        assertFalse(back.isReviewing());
    }
}
