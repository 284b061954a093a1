package fr.portailfamille.platform.billing.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.ChildcareTaxCertificate;
import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Settlement;
import fr.portailfamille.billing.Statement;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.kernel.HtmlPdf;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The invoice, relevé and attestation documents rendered to PDF and read back as a family reads them. */
class BillingPdfsTest {

    static final DocumentLayout.Issuer MONTFAUCOU = new DocumentLayout.Issuer("Pays de Montfaucou", "#1d4f91", "#f2a900");
    static final DocumentLayout.Addressee MARTIN = new DocumentLayout.Addressee("Famille Martin & Fils",
            List.of("3 rue des Lilas", "35170 Bruz"));
    static final InvoicePdf.Regie ALSH = new InvoicePdf.Regie("Régie garderie ALSH", "Claude Moreau", "regie@montfaucou.test",
            "02 99 00 00 00", "Par chèque à l'ordre du Trésor public, à déposer en mairie.");

    static String text(String xhtml) throws IOException {
        byte[] pdf = HtmlPdf.render(xhtml);
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static AccountInvoice invoice(String kind, Settlement settlement, long total, long settled, String titre, String of) {
        return new AccountInvoice(1, "CREDIT_NOTE".equals(kind) ? "AL-AV-3" : "AL-36", kind, "ALSH", "Régie garderie ALSH", 7,
                LocalDate.of(2015, 4, 1), LocalDate.of(2015, 4, 30), LocalDate.of(2015, 5, 5), LocalDate.of(2015, 6, 4),
                total, settled, settlement, titre, of);
    }

    @Test
    void anInvoicePrintsItsLinesTotalWhatIsPaidAndLeftToPayAndHowToPay() throws IOException {
        // each line: what it bills (the activity and its unit), then how it was priced (the line's label)
        List<InvoicePdf.Line> lines = List.of(new InvoicePdf.Line("Léa Martin", "Tranche T2", 12, 335, 4020, "Garderie – Matin"),
                new InvoicePdf.Line("Léa Martin", "Tranche T2", 4, 1005, 4020, "Accueil de loisirs – Journée"),
                new InvoicePdf.Line("Tom Martin", "Tranche T2 · Réduction fratrie 2e enfant −10 %", 14, 287, 4018,
                        "Garderie – Soir"),
                new InvoicePdf.Line("Tom Martin", "Présence sans réservation", 1, 2, 2, "Garderie – Soir"));
        String text = text(InvoicePdf.xhtml(MONTFAUCOU, ALSH, MARTIN,
                invoice("INVOICE", Settlement.PARTLY_PAID, 12060, 5000, null, null), lines));
        assertTrue(text.contains("Pays de Montfaucou"), text);
        assertTrue(text.contains("Facture n° AL-36"), text);
        assertTrue(text.contains("Régie garderie ALSH"), text);
        assertTrue(text.contains("Claude Moreau"), text);
        assertTrue(text.contains("Famille Martin & Fils"), text);
        assertTrue(text.contains("35170 Bruz"), text);
        assertTrue(text.contains("du 01/04/2015 au 30/04/2015"), text);
        assertTrue(text.contains("05/05/2015"), text);
        assertTrue(text.contains("04/06/2015"), text);
        String rows = text.replaceAll("\\s+", " "); // a row's cells, read left to right (the service over the label)
        assertTrue(rows.contains("Léa Martin Garderie – Matin Tranche T2 12 jours " + Money.format(335)), text);
        assertTrue(rows.contains("Accueil de loisirs – Journée Tranche T2 4 jours " + Money.format(1005)), text);
        assertTrue(rows.contains("Garderie – Soir Tranche T2 · Réduction fratrie 2e enfant −10 % 14 jours " + Money.format(287)
                + " " + Money.format(4018)), text);
        assertTrue(rows.contains("Garderie – Soir Présence sans réservation 1 jour " + Money.format(2) + " " + Money.format(2)), text);
        assertTrue(text.contains("Total de la facture " + Money.format(12060)), text);
        assertTrue(text.contains("Déjà réglé " + Money.format(5000)), text);
        assertTrue(text.contains("Reste à payer " + Money.format(7060)), text);
        assertTrue(text.contains("Par chèque à l'ordre du Trésor public"), text);
        assertFalse(text.contains("Titre émis"), text);
    }

    @Test
    void aTitreAndACreditNoteSayWhatTheyAre() throws IOException {
        String titre = text(InvoicePdf.xhtml(MONTFAUCOU, ALSH, MARTIN,
                invoice("INVOICE", Settlement.TITRE_EMIS, 12060, 0, "2015-ORMC-0042", null), List.of()));
        assertTrue(titre.contains("Titre émis (ORMC n° 2015-ORMC-0042)"), titre);
        // paid at the Trésorerie now: the régie's way of paying is not offered (the régie would refuse the cheque)
        assertFalse(titre.contains("Comment payer") || titre.contains("Trésor public, à déposer en mairie"), titre);
        String paid = text(InvoicePdf.xhtml(MONTFAUCOU, ALSH, MARTIN,
                invoice("INVOICE", Settlement.PAID, 12060, 12060, null, null), List.of()));
        assertTrue(paid.contains("Facture payée. Merci."), paid);
        assertFalse(paid.contains("Comment payer"), paid);
        AccountInvoice note = invoice("CREDIT_NOTE", Settlement.CREDIT_NOTE, 549, 0, null, "AL-36");
        assertEquals("avoir-AL-AV-3.pdf", InvoicePdf.fileName(note));
        assertEquals("facture-AL-36.pdf", InvoicePdf.fileName(invoice("INVOICE", Settlement.UNPAID, 1, 0, null, null)));
        String credit = text(InvoicePdf.xhtml(MONTFAUCOU, ALSH, MARTIN, note,
                List.of(new InvoicePdf.Line("Famille Martin", "Avoir sur la facture AL-36 : présence contestée", 1, 549, 549))));
        assertTrue(credit.contains("Avoir n° AL-AV-3 sur la facture AL-36"), credit);
        assertTrue(credit.contains("Montant de l'avoir " + Money.format(549)), credit);
        assertFalse(credit.contains("Reste à payer"), credit);
    }

    @Test
    void theReleveHasTheOldBalanceEachMovementTotalsAndTheBalanceAsSeed004() throws IOException {
        Statement s = Statement.of(List.of(
                new Statement.Movement(LocalDate.of(2026, 6, 30), Statement.Kind.INVOICE, "AL-30", "Facture de juin", 4000, 0),
                new Statement.Movement(LocalDate.of(2026, 10, 5), Statement.Kind.INVOICE, "AL-36", "Facture de septembre", 12060, 0),
                new Statement.Movement(LocalDate.of(2026, 10, 12), Statement.Kind.PAYMENT, "AL-R-9", "Paiement — Chèque n° 1234",
                        0, 10000)), LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
        String text = text(StatementPdf.xhtml(MONTFAUCOU, MARTIN, s, List.of()));
        assertTrue(text.contains("Relevé de compte – année scolaire 2026-2027"), text);
        assertFalse(text.contains("Porte-monnaie"), text);
        assertTrue(text.contains("Ancien solde " + Money.format(4000)), text);
        assertTrue(text.contains("05/10/2026 AL-36 Facture de septembre " + Money.format(12060) + " " + Money.format(16060)), text);
        assertTrue(text.contains("12/10/2026 AL-R-9 Paiement — Chèque n° 1234 " + Money.format(10000) + " " + Money.format(6060)), text);
        assertTrue(text.contains("Totaux de l'année " + Money.format(12060) + " " + Money.format(10000)), text);
        assertTrue(text.contains("Solde au 31/08/2027 " + Money.format(6060)), text);
        assertEquals(Money.format(250) + " en votre faveur", StatementPdf.balance(-250));
    }

    @Test
    void theReleveGivesEachPorteMonnaiesYearWithEveryMovement() throws IOException {
        Statement s = Statement.of(List.of(), LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
        java.time.ZoneOffset paris = java.time.ZoneOffset.ofHours(2);
        Wallets.Year cantine = new Wallets.Year("RESTO", "Régie restauration", 1500, List.of(
                new Wallets.Movement(java.time.OffsetDateTime.of(2026, 9, 2, 8, 0, 0, 0, paris), "TOP_UP_COUNTER",
                        "Rechargement au guichet (chèque)", 3000, 4500, null),
                new Wallets.Movement(java.time.OffsetDateTime.of(2026, 9, 3, 8, 0, 0, 0, paris), "DEBIT",
                        "Léa — Cantine — Midi du 04/09/2026", -350, 4150, null)), 4150);
        String text = text(StatementPdf.xhtml(MONTFAUCOU, MARTIN, s, List.of(cantine)));
        assertTrue(text.contains("Porte-monnaie « Régie restauration »"), text);
        assertTrue(text.contains("01/09/2026 Ancien solde " + Money.format(1500)), text);
        assertTrue(text.contains("02/09/2026 Rechargement au guichet (chèque) " + Money.format(3000) + " " + Money.format(4500)), text);
        assertTrue(text.contains("03/09/2026 Léa — Cantine — Midi du 04/09/2026 " + Money.format(350) + " " + Money.format(4150)), text);
        assertTrue(text.substring(text.indexOf("Porte-monnaie")).contains("Solde au 31/08/2027 " + Money.format(4150)), text);
    }

    @Test
    void theAttestationFiscaleNamesTheRegisseurEachChildAndTheTotal() throws IOException {
        ChildcareTaxCertificate.Child lea = new ChildcareTaxCertificate.Child(1, "Léa Martin", LocalDate.of(2021, 3, 1));
        String text = text(FiscalCertificatePdf.xhtml(MONTFAUCOU, MARTIN, 2026, Map.of("ALSH", ALSH),
                List.of(new ChildcareTaxCertificate.Amount("ALSH", lea, 60050)), LocalDate.of(2027, 1, 15)));
        assertTrue(text.contains("Attestation fiscale 2026"), text);
        assertTrue(text.contains("Je soussigné(e) Claude Moreau, régisseur de la Régie garderie ALSH de Pays de Montfaucou"), text);
        assertTrue(text.contains("Léa Martin 01/03/2021 " + Money.format(60050)), text);
        assertTrue(text.contains("Total Régie garderie ALSH " + Money.format(60050)), text);
        String none = text(FiscalCertificatePdf.xhtml(MONTFAUCOU, MARTIN, 2026, Map.of(), List.of(), LocalDate.of(2027, 1, 15)));
        assertTrue(none.contains("Aucun paiement"), none);
    }

    @Test
    void theCommunesSvgLogoIsDrawnInItsBandAndAnUnreadableOneGivesTheMonogram() throws IOException {
        String red = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\"><rect width=\"20\" height=\"20\" fill=\"#c00000\"/></svg>";
        DocumentLayout.Issuer withLogo = new DocumentLayout.Issuer("Pays de Montfaucou", "#1d4f91", "#f2a900", red);
        assertTrue(redPixels(DocumentLayout.open("Logo", withLogo) + "<p>x</p>" + DocumentLayout.close()) > 400,
                "the logo's red square is drawn in the band");
        DocumentLayout.Issuer broken = new DocumentLayout.Issuer("Pays de Montfaucou", "#1d4f91", "#f2a900", "<svg><rect>");
        String xhtml = DocumentLayout.open("Logo", broken) + "<p>x</p>" + DocumentLayout.close();
        assertEquals(0, redPixels(xhtml));
        assertTrue(text(xhtml).contains("P"), "the monogram stands in");
    }

    /** How many nearly pure red pixels the first page shows at 72 dpi. */
    private static int redPixels(String xhtml) throws IOException {
        try (PDDocument doc = Loader.loadPDF(HtmlPdf.render(xhtml))) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72);
            int n = 0;
            for (int y = 0; y < 140; y++) {
                for (int x = 0; x < 200; x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16) & 0xff) > 170 && ((rgb >> 8) & 0xff) < 40 && (rgb & 0xff) < 40) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}
