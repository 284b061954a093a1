package fr.portailfamille.bench;

import fr.portailfamille.billing.Settlement;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.documents.BenchInvoicePdf;
import fr.portailfamille.platform.billing.documents.InvoicePdf;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bench 5: how many invoice PDFs per second the platform makes — {@code InvoicePdf}'s XHTML rendered by
 * {@code HtmlPdf} (OpenHTMLtoPDF, DejaVu Sans bundled), the code {@code BillingDocuments#invoice} runs
 * once it has read the rows — for {@value #COUNT} generated invoices of the size bench 4 issues (one to
 * three children, canteen and after-school care, 2 to 12 lines: 6 on average), on one thread and on two.
 * No database: the rows are given. Reported against what a month's issue of 10,000 invoices implies.
 */
public final class InvoicePdfBench {

    static final int COUNT = Integer.getInteger("bench.invoices", 500);
    static final int WARMUP = Integer.getInteger("bench.warmup", 150);
    static final int MONTH = 10_000;

    record Doc(InvoicePdf.Regie regie, String family, List<String> address, AccountInvoice invoice, List<InvoicePdf.Line> lines) {
    }

    public static void main(String[] args) throws Exception {
        Report r = new Report(args, "5-invoice-pdf");
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < Math.max(COUNT, WARMUP); i++) {
            docs.add(doc(i));
        }
        long bytes = 0;
        int lines = 0;
        for (int i = 0; i < WARMUP; i++) {   // the JIT and OpenHTMLtoPDF's caches warm
            bytes += render(docs.get(i)).length;
        }
        bytes = 0;
        double c0 = CpuClock.jvm();
        long t0 = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            bytes += render(docs.get(i)).length;
            lines += docs.get(i).lines().size();
        }
        double oneS = (System.nanoTime() - t0) / 1e9;
        double oneCpu = CpuClock.jvm() - c0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        c0 = CpuClock.jvm();
        t0 = System.nanoTime();
        List<Future<Integer>> halves = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int from = t * COUNT / 2;
            int to = (t + 1) * COUNT / 2;
            halves.add(pool.submit(() -> {
                int n = 0;
                for (int i = from; i < to; i++) {
                    n += render(docs.get(i)).length > 0 ? 1 : 0;
                }
                return n;
            }));
        }
        int rendered = 0;
        for (Future<Integer> h : halves) {
            rendered += h.get();
        }
        double twoS = (System.nanoTime() - t0) / 1e9;
        double twoCpu = CpuClock.jvm() - c0;
        pool.shutdown();

        double one = COUNT / oneS;
        double two = rendered / twoS;
        r.line("## 5. Invoice PDF generation rate");
        r.line("");
        r.line("What: the platform's invoice PDF (`InvoicePdf` XHTML rendered by `HtmlPdf`: OpenHTMLtoPDF on PDFBox, DejaVu Sans"
                + " bundled, A4, the commune's band, régie and family blocks, lines, totals, payment instructions), the code"
                + " `BillingDocuments#invoice` runs once it has read the invoice's rows, for " + COUNT + " generated invoices of"
                + " bench 4's size (" + Report.f("%.1f", (double) lines / COUNT) + " lines on average), after " + WARMUP
                + " renders of warm-up; no database. Reached through `platform-war`'s classes jar (`BenchInvoicePdf`, in the"
                + " documents package on the bench's class path).");
        r.line("");
        r.line("| measure | value |");
        r.line("| --- | --- |");
        r.line("| one thread | " + Report.f("%.1f invoices/s (%.1f ms each)", one, 1000 / one) + " |");
        r.line("| two threads | " + Report.f("%.1f invoices/s", two) + " |");
        r.line("| CPU per invoice (this JVM, JIT and GC included): one thread, two threads | "
                + Report.f("%.1f ms, %.1f ms", 1000 * oneCpu / COUNT, 1000 * twoCpu / rendered) + " |");
        r.line("| average PDF size | " + Report.f("%.1f KB", bytes / 1024.0 / COUNT) + " |");
        r.line("| a month's 10,000 invoices, one thread | " + Report.f("%.1f min", MONTH / one / 60) + " |");
        r.line("| a month's 10,000 invoices, two threads | " + Report.f("%.1f min", MONTH / two / 60) + " |");
        r.line("");
        r.line("No target in the issue. The platform renders an invoice's PDF when the family or an agent opens it, not"
                + " during the run: at the one-thread rate, a month's 10,000 invoices would take the minutes above if all were"
                + " rendered at once.");
        r.target("5 invoice PDFs (one thread / two threads)", Report.f("%.1f / %.1f invoices/s", one, two),
                "none (recorded)", true);
        r.write();
    }

    static byte[] render(Doc d) {
        return BenchInvoicePdf.pdf("Saint-Bench-sur-Loire", d.regie(), d.family(), d.address(), d.invoice(), d.lines());
    }

    /** Invoice {@code i}: as bench 4 issues them (one to three children, two activities, tariff steps in the labels). */
    static Doc doc(int i) {
        InvoicePdf.Regie regie = new InvoicePdf.Regie("Régie restauration et périscolaire", "Camille Régisseur",
                "regie@saint-bench.fr", "05 55 00 00 00", "Par chèque à l'ordre du Trésor public, déposé à l'accueil de la mairie ;"
                        + "\nen espèces ou par carte à la régie, du lundi au vendredi de 8 h 30 à 12 h ;\nou en ligne sur le portail (PayFiP).");
        int children = i % 20 < 11 ? 1 : i % 20 < 18 ? 2 : 3;
        String[] brackets = {"T1", "T2", "T3", "T4"};
        long[] canteen = {110, 250, 350, 420};
        long[] care = {80, 150, 210, 260};
        int b = i % 4;
        List<InvoicePdf.Line> lines = new ArrayList<>();
        long total = 0;
        for (int c = 0; c < children; c++) {
            String child = new String[] {"Léa", "Noé", "Zoé"}[c] + " Dupont-" + i;
            String sibling = c == 0 ? "" : " · Réduction fratrie " + (c + 1) + "e enfant \u221210\u00a0%";
            long factor = c == 0 ? 100 : 90;
            lines.add(line(child, "CANTINE MIDI — Tranche " + brackets[b] + sibling, 14 - c, canteen[b] * factor / 100));
            lines.add(line(child, "PERI SOIR — Tranche " + brackets[b] + sibling, 7, care[b] * factor / 100));
            if ((i + c) % 3 == 0) {
                lines.add(line(child, "CANTINE MIDI — Tranche " + brackets[b] + sibling + " · Majoration hors délai +20\u00a0%", 1,
                        canteen[b] * factor / 100 * 120 / 100));
            }
            if ((i + c) % 5 == 0) {
                lines.add(line(child, "CANTINE MIDI — Absence non justifiée · Tranche " + brackets[b] + sibling, 1,
                        canteen[b] * factor / 100));
            }
        }
        for (InvoicePdf.Line l : lines) {
            total += l.amountCents();
        }
        AccountInvoice invoice = new AccountInvoice(i + 1, "RP-" + (i + 1), "INVOICE", "REST", regie.label(), i + 1,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30), total,
                i % 4 == 0 ? total / 2 : 0, i % 4 == 0 ? Settlement.PARTLY_PAID : Settlement.UNPAID, null, null);
        return new Doc(regie, "Famille Dupont-" + i, List.of(i + " rue des Écoles", "Bâtiment B", "87000 Limoges"), invoice, lines);
    }

    private static InvoicePdf.Line line(String child, String label, int quantity, long price) {
        return new InvoicePdf.Line(child, label, quantity, price, quantity * price);
    }
}
