package fr.portailfamille.platform.billing.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.billing.export.ExportCsv;
import fr.portailfamille.platform.billing.export.ExportTable;
import fr.portailfamille.platform.billing.export.ExportXlsx;
import fr.portailfamille.platform.billing.export.RegieExports;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A régie's export of a period, downloaded as CSV (French Excel) or XLSX:
 * {@code /agent/exports-facturation/fichier?regie=…&du=2026-10-01&au=2026-10-31&donnees=factures|paiements|caf|journal&format=csv|xlsx}.
 * The table is read first ({@link RegieExports}, which checks that the caller is an agent of the
 * request's commune: 403 otherwise), then written, so that a refusal gets its error page.
 */
@WebServlet("/agent/exports-facturation/fichier")
public class BillingExportServlet extends HttpServlet {

    @Inject
    RegieExports exports;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(req.getParameter("du"));
            to = LocalDate.parse(req.getParameter("au"));
        } catch (DateTimeParseException | NullPointerException e) {
            resp.sendError(400, "Indiquez la période (du … au …, AAAA-MM-JJ).");
            return;
        }
        boolean xlsx = "xlsx".equals(req.getParameter("format"));
        ExportTable table;
        RegieExports.Dataset dataset;
        String regie = req.getParameter("regie");
        try {
            dataset = RegieExports.Dataset.of(req.getParameter("donnees"));
            table = exports.table(SignedInUser.of(req), dataset, regie, from, to);
        } catch (SecurityException e) {
            resp.sendError(403, e.getMessage());
            return;
        } catch (Refused e) {
            resp.sendError(400, e.getMessage());
            return;
        }
        String name = dataset.param() + "-" + regie.replaceAll("[^A-Za-z0-9_-]", "") + "-" + from + "-" + to
                + (xlsx ? ".xlsx" : ".csv");
        FileResponses.attachment(resp, xlsx ? FileResponses.XLSX : "text/csv; charset=UTF-8", name);
        if (xlsx) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ExportXlsx.write(table, bytes);
            resp.setContentLength(bytes.size());
            bytes.writeTo(resp.getOutputStream());
        } else {
            Writer w = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
            ExportCsv.write(table, w);
            w.flush();
        }
    }
}
