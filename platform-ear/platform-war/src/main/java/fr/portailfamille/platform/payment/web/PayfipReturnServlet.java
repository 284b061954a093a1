package fr.portailfamille.platform.payment.web;

import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.payment.PaymentProviderException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the payer's browser comes back from PayFiP ({@code urlredirect}, {@code ?idOp=}): the result is read from
 * PayFiP and settled ({@link OnlinePayments#settle}, once, whether or not the notification came first), then the
 * browser goes to the family's result page.
 */
@WebServlet(OnlinePayments.RETURN_PATH)
public class PayfipReturnServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(PayfipReturnServlet.class.getName());

    @Inject
    OnlinePayments payments;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String idOp = req.getParameter("idOp");
        idOp = idOp == null ? "" : idOp.strip();
        try {
            payments.settle(idOp);
        } catch (PaymentProviderException e) {
            // the page says "en cours de vérification"; the notification or a later check settles it
            LOG.log(Level.WARNING, "Retour PayFiP " + idOp + " : résultat illisible pour le moment (" + e.code() + ")", e);
        }
        resp.setStatus(303);
        resp.setHeader("Location", req.getContextPath() + OnlinePayments.RESULT_PAGE + "?idOp="
                + URLEncoder.encode(idOp, StandardCharsets.UTF_8));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }
}
