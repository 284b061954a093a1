package fr.portailfamille.platform.billing.sepa.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.sepa.DirectDebits;
import fr.portailfamille.platform.billing.sepa.Mandates;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.CrossSiteForms;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Downloads of direct debit: a mandate's PDF ({@code /espace/mandat.pdf?id=}, {@code /agent/mandat.pdf?id=}) and a
 * run's pain.008 file ({@code /agent/prelevements/fichier?run=}, régisseurs). Who may read what is decided by the
 * services: another family's mandate (or an unknown id) answers 404, a file for a non-régisseur 403. Making a run's
 * file records its debits as payments: that is a POST from the portal's own page (a link opened from a mail or
 * another site must not do it, CSRF); a GET downloads a file already made.
 */
@WebServlet({"/espace/mandat.pdf", "/agent/mandat.pdf", "/agent/prelevements/fichier"})
public class SepaFileServlet extends HttpServlet {

    @Inject
    Mandates mandates;

    @Inject
    DirectDebits debits;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SignedInUser user = SignedInUser.of(req);
        if (user == null) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            if (req.getServletPath().endsWith("/fichier")) {
                DirectDebits.File file;
                try {
                    file = debits.made(user, Long.parseLong(req.getParameter("run")));
                } catch (SecurityException e) {
                    resp.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return;
                }
                if (file == null) {
                    resp.sendError(HttpServletResponse.SC_NOT_FOUND, "Fichier pas encore créé : créez-le depuis la page"
                            + " Prélèvements.");
                    return;
                }
                send(resp, file);
                return;
            }
            BillingDocuments.Pdf pdf = mandates.pdf(user, Long.parseLong(req.getParameter("id")));
            FileResponses.inlinePdf(resp, pdf.fileName());
            FileResponses.send(resp, pdf.content());
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Paramètre invalide.");
        } catch (SecurityException | Refused e) {
            // another family's mandate and an unknown one answer alike: an id tells nothing
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Makes run {@code run}'s pain.008 file (or gives the one made), from the Prélèvements page only. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SignedInUser user = SignedInUser.of(req);
        if (user == null || !req.getServletPath().endsWith("/fichier") || CrossSiteForms.isCrossSite(req)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        DirectDebits.File file;
        try {
            file = debits.file(user, Long.parseLong(req.getParameter("run")));
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Paramètre invalide.");
            return;
        } catch (SecurityException e) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (Refused e) {
            // why, on the Prélèvements page (a card payment under way, the creditor to fix, a mandate to sign again…)
            backToThePage(req, resp, "error", e.text());
            return;
        }
        if (file.nothingLeft()) {
            backToThePage(req, resp, "info", Refused.text("billing.sepa.allPaid"));
            return;
        }
        send(resp, file);
    }

    /** The session's key of what the Prélèvements page says once back ({@link PrelevementsView#said}). */
    static final String SAID = "pf.sepa.said";

    /** Back to the Prélèvements page, which says {@code text} ({@code kind}: error or info) in its language. */
    private static void backToThePage(HttpServletRequest req, HttpServletResponse resp, String kind,
                                      fr.portailfamille.problems.Message text) throws IOException {
        req.getSession().setAttribute(SAID, new String[] {kind,
                text.in(fr.portailfamille.platform.kernel.PageLanguage.of(req.getHeader("Accept-Language")))});
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + "/agent/prelevements.xhtml");
    }

    private static void send(HttpServletResponse resp, DirectDebits.File file) throws IOException {
        FileResponses.attachment(resp, "application/xml", file.fileName());
        FileResponses.send(resp, file.content());
    }

}
