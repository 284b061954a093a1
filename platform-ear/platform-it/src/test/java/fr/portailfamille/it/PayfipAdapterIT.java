package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.payment.PaymentCreated;
import fr.portailfamille.platform.payment.PaymentOutcome;
import fr.portailfamille.platform.payment.PaymentPort;
import fr.portailfamille.platform.payment.PaymentProviderException;
import fr.portailfamille.platform.payment.PaymentRequest;
import fr.portailfamille.platform.payment.PaymentResult;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro: the platform's payment port is the PayFiP adapter, whose generated client runs on the JAX-WS
 * runtime bundled in the WAR, configured (pf.payfip.*) to the local PayFiP simulator the stack started. A payment
 * is created, paid on the simulator's payment page (as a browser posts its form), and read back as paid by card
 * with the amount asked.
 */
@ExtendWith(ArquillianExtension.class)
class PayfipAdapterIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    PaymentPort payments;

    @Test
    void aPaymentCreatedInThePlatformAndPaidOnTheSimulatorIsReadAsPaid() throws Exception {
        String platform = "http://alpha.localhost:" + Integer.getInteger("it.port.platform");
        PaymentCreated created = payments.create(new PaymentRequest("123456", 2026, "FIT2026000001", 4250,
                "parent@alpha.test", "Facture de novembre 2026", platform + "/payfip/notification",
                platform + "/espace/paiement", false));
        assertTrue(created.pageUrl().matches("http://127\\.0\\.0\\.1:\\d+/tpa/paiementws\\.web\\?idop=[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
                created.pageUrl());
        assertEquals(Optional.empty(), payments.result(created.operationId()), "no result before the payer decides");

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(created.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String form = created.pageUrl().substring(0, created.pageUrl().indexOf('?'));
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("idop=" + created.operationId()
                        + "&moyen=carte&choix=payer&notification=NEVER"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, back.statusCode());
        assertEquals(platform + "/espace/paiement?idOp=" + created.operationId(),
                back.headers().firstValue("Location").orElseThrow());

        PaymentResult result = payments.result(created.operationId()).orElseThrow();
        assertEquals(PaymentOutcome.PAID_BY_CARD, result.outcome());
        assertEquals(4250, result.amountCents());
        assertEquals("FIT2026000001", result.invoiceReference());
        assertTrue(result.authorisation().matches("\\d{6}"), result.authorisation());
    }

    @Test
    void aPayfipRefusalReachesThePlatformAsATypedFrenchError() {
        PaymentProviderException e = org.junit.jupiter.api.Assertions.assertThrows(PaymentProviderException.class,
                () -> payments.result("ffffffffffffffffffffffffffffffff"));
        assertEquals("P1", e.code());
        assertEquals("PayFiP ne connaît pas ce paiement (identifiant d'opération inconnu ou expiré).", e.getMessage());
    }
}
