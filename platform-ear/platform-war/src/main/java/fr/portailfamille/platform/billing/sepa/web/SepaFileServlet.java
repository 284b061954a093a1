package fr.portailfamille.platform.billing.sepa.web;

import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.sepa.DirectDebits;
import fr.portailfamille.platform.billing.sepa.Mandates;
import fr.portailfamille.platform.kernel.Refused;
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
 * services: another family's mandate (or an unknown id) answers 404, a file for a non-régisseur 403.
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
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "private, no-store");
        try {
            if (req.getServletPath().endsWith("/fichier")) {
                DirectDebits.File file;
                try {
                    file = debits.file(user, Long.parseLong(req.getParameter("run")));
                } catch (SecurityException e) {
                    resp.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return;
                } catch (Refused e) {
                    resp.sendError(HttpServletResponse.SC_CONFLICT, e.getMessage());
                    return;
                }
                send(resp, "application/xml", "attachment", file.fileName(), file.content());
                return;
            }
            BillingDocuments.Pdf pdf = mandates.pdf(user, Long.parseLong(req.getParameter("id")));
            resp.setHeader("Content-Security-Policy", "default-src 'none'; object-src 'self'; style-src 'unsafe-inline';"
                    + " frame-ancestors 'self'");
            send(resp, "application/pdf", "inline", pdf.fileName(), pdf.content());
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Paramètre invalide.");
        } catch (SecurityException | Refused e) {
            // another family's mandate and an unknown one answer alike: an id tells nothing
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void send(HttpServletResponse resp, String type, String disposition, String name, byte[] content)
            throws IOException {
        resp.setContentType(type);
        resp.setHeader("Content-Disposition", disposition + "; filename=\"" + name + "\"");
        resp.setContentLength(content.length);
        resp.getOutputStream().write(content);
    }
}
