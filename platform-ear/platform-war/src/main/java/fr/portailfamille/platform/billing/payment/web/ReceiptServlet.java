package fr.portailfamille.platform.billing.payment.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.billing.payment.Receipts;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The receipt of a counter payment as a PDF ({@code /agent/recu?id=}; agents of the commune, checked by {@link Receipts}). */
@WebServlet("/agent/recu")
public class ReceiptServlet extends HttpServlet {

    @Inject
    Receipts receipts;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
            resp.sendError(400, "Identifiant de paiement invalide.");
            return;
        }
        HttpSession session = req.getSession(false);
        SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        byte[] pdf;
        try {
            pdf = receipts.pdf(user, id);
        } catch (SecurityException e) {
            resp.sendError(403, e.getMessage());
            return;
        } catch (Refused e) {
            resp.sendError(404, e.getMessage());
            return;
        }
        FileResponses.inlinePdf(resp, "recu-" + id + ".pdf");
        FileResponses.send(resp, pdf);
    }
}
