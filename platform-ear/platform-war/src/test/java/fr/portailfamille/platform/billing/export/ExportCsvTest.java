package fr.portailfamille.platform.billing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportCsvTest {

    @Test
    void eurosHaveADecimalCommaAndNoGrouping() {
        assertEquals("12,30", ExportCsv.euros(1230));
        assertEquals("0,05", ExportCsv.euros(5));
        assertEquals("1234,50", ExportCsv.euros(123450));
        assertEquals("-0,35", ExportCsv.euros(-35));
        assertEquals("0,00", ExportCsv.euros(0));
    }

    @Test
    void aFileForFrenchExcelWithTypedCellsAndNoFormula() throws Exception {
        ExportTable t = new ExportTable("Factures", List.of(ExportTable.text("Numéro"), ExportTable.date("Date"),
                ExportTable.dateTime("Le"), ExportTable.text("Famille"), ExportTable.money("Montant (€)"), ExportTable.count("Jours")));
        t.row("AL-36", LocalDate.of(2026, 11, 2), LocalDateTime.of(2026, 11, 2, 9, 5, 7), "=HYPERLINK(\"x\")", 12060L, 3L);
        t.row("AL-37", null, null, "Dupont; Martin", 5L, null);
        StringWriter out = new StringWriter();
        ExportCsv.write(t, out);
        assertEquals("\uFEFFNuméro;Date;Le;Famille;Montant (€);Jours\r\n"
                + "AL-36;02/11/2026;02/11/2026 09:05:07;\"'=HYPERLINK(\"\"x\"\")\";120,60;3\r\n"
                + "AL-37;;;\"Dupont; Martin\";0,05;\r\n", out.toString());
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        ExportTable t = new ExportTable("x", List.of(ExportTable.text("a"), ExportTable.text("b")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> t.row("only one"));
    }

    @Test
    void labelsOfStoredCodesAreFrenchAndUnknownCodesStayReadable() {
        assertEquals("Avoir", ExportLabels.kind("CREDIT_NOTE"));
        assertEquals("Titre émis", ExportLabels.state("TITRE_EMIS"));
        assertEquals("Carte bancaire au guichet", ExportLabels.mode("CARTE_GUICHET"));
        assertEquals("Facture émise", ExportLabels.action("INVOICE_ISSUED"));
        assertEquals("SOMETHING_NEW", ExportLabels.action("SOMETHING_NEW"));
        // every action the money services write is in words in the journal's export
        for (String written : java.util.List.of("SEPA_FILE", "WALLET_TOP_UP", "ONLINE_PAYMENT_STARTED", "REMINDER_SENT",
                "CREDIT_USED", "CREDIT_TAKEN_BACK", "PAYMENT_CANCELLED", "RUN_DONE")) {
            assertNotEquals(written, ExportLabels.action(written), written);
        }
        for (fr.portailfamille.platform.payment.OnlineState state : fr.portailfamille.platform.payment.OnlineState.values()) {
            if (state != fr.portailfamille.platform.payment.OnlineState.PENDING) {
                assertNotEquals("ONLINE_PAYMENT_" + state, ExportLabels.action("ONLINE_PAYMENT_" + state), state.name());
            }
        }
    }

    @Test
    void thePeriodIsCheckedWithAMessageForItsField() {
        var noStart = org.junit.jupiter.api.Assertions.assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                () -> RegieExports.requirePeriod(null, LocalDate.of(2026, 10, 31)));
        assertEquals("du", noStart.field());
        var reversed = org.junit.jupiter.api.Assertions.assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                () -> RegieExports.requirePeriod(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1)));
        assertEquals("au", reversed.field());
        var tooLong = org.junit.jupiter.api.Assertions.assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                () -> RegieExports.requirePeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 2)));
        assertEquals("au", tooLong.field());
        RegieExports.requirePeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }
}
