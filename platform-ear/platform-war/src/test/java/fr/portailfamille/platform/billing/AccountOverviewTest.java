package fr.portailfamille.platform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.Settlement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountOverviewTest {

    private static AccountInvoice invoice(long id, String kind, String state, long total, long settled) {
        LocalDate d = LocalDate.of(2026, 10, 1);
        return new AccountInvoice(id, "AL-" + id, kind, "ALSH", "Régie ALSH", 7, d, d.plusDays(30), d.plusDays(31),
                d.plusDays(61), total, settled, Settlement.of(kind, state, total, settled), null, null);
    }

    @Test
    void theBalanceCountsWhatEachInvoiceStillAsksAndTakesTheCreditOff() {
        List<AccountInvoice> invoices = List.of(
                invoice(1, "INVOICE", "ISSUED", 12060, 5000),   // 70.60 left
                invoice(2, "INVOICE", "ISSUED", 3500, 3500),    // paid
                invoice(3, "CREDIT_NOTE", "ISSUED", 1000, 0),   // a credit note asks nothing
                invoice(4, "INVOICE", "TITRE_EMIS", 2049, 0));  // 20.49 left, followed by the Trésorerie
        AccountOverview o = new AccountOverview(invoices, AccountBalance.of(invoices, 1500));

        // the titre has left the régie's account: paid to the Trésorerie, told apart
        assertEquals(7060, o.balance().dueCents());
        assertEquals(1, o.balance().unpaidInvoices());
        assertEquals(7060 - 1500, o.balance().balanceCents());
        assertEquals(2049, o.balance().titreCents());
        assertEquals(1, o.balance().titres());
        assertEquals(List.of(1L), o.unpaid().stream().map(AccountInvoice::id).toList());
    }

    @Test
    void noFileMeansNothingOwed() {
        assertEquals(0, AccountOverview.EMPTY.balance().balanceCents());
        assertEquals(List.of(), AccountOverview.EMPTY.unpaid());
    }
}
