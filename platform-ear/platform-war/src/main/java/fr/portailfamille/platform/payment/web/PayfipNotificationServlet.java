package fr.portailfamille.platform.payment.web;

import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.payment.PaymentProviderException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PayFiP's notification ({@code urlnotif}): a public form POST on the commune's host carrying only {@code idOp}.
 * Nothing in it is trusted: it only makes the platform read the result from PayFiP ({@link OnlinePayments#settle}),
 * which decides the payment once however many notifications arrive. Answers 200 once handled (also for an id the
 * commune does not know), 503 when PayFiP could not be asked (it may notify again).
 */
@WebServlet(OnlinePayments.NOTIFICATION_PATH)
public class PayfipNotificationServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(PayfipNotificationServlet.class.getName());

    @Inject
    OnlinePayments payments;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String idOp = req.getParameter("idOp");
        if (idOp == null || idOp.isBlank()) {
            resp.sendError(400, "idOp manquant.");
            return;
        }
        try {
            payments.settle(idOp.strip());
        } catch (PaymentProviderException e) {
            LOG.log(Level.WARNING, "Notification PayFiP " + idOp + " : résultat illisible pour le moment (" + e.code() + ")", e);
            resp.sendError(503, "PayFiP n'a pas pu être interrogé.");
            return;
        }
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write("OK");
    }
}
