package fr.portailfamille.platform.billing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.Allocations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An online payment goes to its invoice up to what is left on it; the rest is the family's credit. */
class OnlineAllocationTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    static final List<Allocations.Open> OPEN = List.of(new Allocations.Open(1, "AL-1", DAY, DAY.plusDays(30), 3000),
            new Allocations.Open(2, "AL-2", DAY, DAY.plusDays(30), 4250));

    @Test
    void theWholeAmountGoesToTheInvoicePaid() {
        assertEquals(Map.of(2L, 4250L), PaymentDesk.onlineAllocation(OPEN, 2, 4250));
        assertEquals(0, Allocations.overpayment(4250, PaymentDesk.onlineAllocation(OPEN, 2, 4250)));
    }

    @Test
    void whatTheInvoiceNoLongerNeedsIsCredit() {
        // paid in part at the counter meanwhile: 4250 asked online, 3000 left
        Map<Long, Long> a = PaymentDesk.onlineAllocation(OPEN, 1, 4250);
        assertEquals(Map.of(1L, 3000L), a);
        assertEquals(1250, Allocations.overpayment(4250, a));
        // no longer open (paid, cancelled, sent to the Trésorerie): all of it is credit
        assertEquals(Map.of(), PaymentDesk.onlineAllocation(OPEN, 3, 4250));
        assertEquals(4250, Allocations.overpayment(4250, PaymentDesk.onlineAllocation(OPEN, 3, 4250)));
    }
}
