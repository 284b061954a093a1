package fr.portailfamille.platform.billing.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The family's billing documents as PDF, shown in the browser: {@code /espace/facture.pdf?id=} (and
 * {@code /agent/facture.pdf?id=} for agents), {@code /espace/releve.pdf?annee=2026} (school year
 * 2026-2027) and {@code /espace/attestation-fiscale.pdf?annee=2026}; an agent names the family with
 * {@code famille=}. Under the protected {@code /espace} and {@code /agent} paths; who may read what is
 * decided by the service: another family's document (or an unknown id) answers 404 with nothing of
 * it. Never cached by a proxy.
 */
@WebServlet({"/espace/facture.pdf", "/agent/facture.pdf", "/espace/releve.pdf", "/espace/attestation-fiscale.pdf"})
public class BillingPdfServlet extends HttpServlet {

    @Inject
    BillingDocuments documents;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SignedInUser user = SignedInUser.of(req);
        if (user == null) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String path = req.getServletPath();
        BillingDocuments.Pdf pdf;
        try {
            if (path.endsWith("/facture.pdf")) {
                pdf = documents.invoice(user, Long.parseLong(req.getParameter("id")));
            } else {
                int year = Integer.parseInt(req.getParameter("annee"));
                if (year < 2000 || year > 2100) {
                    throw new NumberFormatException("year " + year);
                }
                Long family = req.getParameter("famille") == null ? null : Long.valueOf(req.getParameter("famille"));
                pdf = path.endsWith("/releve.pdf") ? documents.statementPdf(user, family, year)
                        : documents.fiscalPdf(user, family, year, PlatformTime.today());
            }
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Paramètre invalide.");
            return;
        } catch (SecurityException | IllegalArgumentException e) {
            // another family's document and an unknown one answer alike: an id tells nothing
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FileResponses.inlinePdf(resp, pdf.fileName());
        FileResponses.send(resp, pdf.content());
    }
}
