package fr.portailfamille.platform.payment.payfip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.payfip.client.FonctionnelleErreur;
import fr.portailfamille.payfip.simulator.Decision;
import fr.portailfamille.payfip.simulator.NotificationMode;
import fr.portailfamille.payfip.simulator.PayfipSimulator;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.PaymentCreated;
import fr.portailfamille.platform.payment.PaymentOutcome;
import fr.portailfamille.platform.payment.PaymentProviderException;
import fr.portailfamille.platform.payment.PaymentRequest;
import fr.portailfamille.platform.payment.PaymentResult;
import fr.portailfamille.problems.Message;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PayFiP adapter, unchanged, outside the container against the local PayFiP simulator (which serves the same
 * WSDL): what the platform will do in production, with the simulator's payment page standing for the payer.
 */
class PayfipAdapterTest {

    private static PayfipSimulator simulator;
    private static PayfipAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        simulator = PayfipSimulator.start(0);
        simulator.notification(NotificationMode.NEVER, 1);
        adapter = new PayfipAdapter(simulator.endpoint(), simulator.paymentPage());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aPaymentPaidOnThePaymentPageIsReadAsPaidByCardWithTheAmountAsked() throws Exception {
        PaymentCreated created = adapter.create(request(4250));
        assertEquals(simulator.paymentPage() + "?idop=" + created.operationId(), created.pageUrl());
        assertEquals(Optional.empty(), adapter.result(created.operationId()), "no result while the payer is away");

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(created.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("42,50\u00a0€"), page.body());
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(simulator.paymentPage()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("idop=" + created.operationId() + "&moyen=carte&choix=payer"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, back.statusCode());
        assertEquals("https://alpha.example.test/espace/paiement?idOp=" + created.operationId(),
                back.headers().firstValue("Location").orElseThrow());

        PaymentResult result = adapter.result(created.operationId()).orElseThrow();
        assertEquals(PaymentOutcome.PAID_BY_CARD, result.outcome());
        assertTrue(result.outcome().paid());
        assertEquals(4250, result.amountCents());
        assertEquals(created.operationId(), result.operationId());
        assertEquals("F2026000042", result.invoiceReference());
        assertEquals("123456", result.clientNumber());
        assertEquals("2026", result.exercise());
        assertEquals("parent@alpha.test", result.email());
        assertTrue(result.authorisation().matches("\\d{6}"), result.authorisation());
        assertNotNull(result.at());
        assertFalse(result.production(), "created in test mode (saisie T)");
    }

    @Test
    void everyPayfipLetterHasItsOutcome() {
        record Case(Decision decision, boolean debit, PaymentOutcome outcome) {
        }
        for (Case c : List.of(new Case(Decision.PAYER, true, PaymentOutcome.PAID_BY_DEBIT),
                new Case(Decision.REFUSER, false, PaymentOutcome.REFUSED),
                new Case(Decision.REFUSER, true, PaymentOutcome.DEBIT_REFUSED),
                new Case(Decision.ABANDONNER, false, PaymentOutcome.ABANDONED))) {
            PaymentCreated created = adapter.create(request(1500));
            assertTrue(simulator.decide(created.operationId(), c.decision(), c.debit()).isPresent());
            PaymentResult result = adapter.result(created.operationId()).orElseThrow();
            assertEquals(c.outcome(), result.outcome(), c.toString());
            assertEquals(c.outcome().paid(), result.outcome().paid());
            assertEquals(1500, result.amountCents());
            if (!c.outcome().paid()) {
                assertNull(result.authorisation(), "nothing authorised when nothing is paid");
            }
        }
    }

    @Test
    void payfipFaultsBecomeTypedExceptionsWithAFrenchMessageAndATextInThePagesLanguage() {
        PaymentProviderException unknown = assertThrows(PaymentProviderException.class,
                () -> adapter.result("0123456789abcdef0123456789abcdef"));
        assertEquals("P1", unknown.code());
        assertEquals("PayFiP ne connaît pas ce paiement (identifiant d'opération inconnu ou expiré).",
                unknown.getMessage());
        assertEquals(unknown.getMessage(), unknown.text().french());
        assertEquals("PayFiP does not know this payment (unknown or expired operation id).",
                unknown.text().in(Locale.ENGLISH));
        assertFalse(unknown.temporary());

        PaymentRequest badClient = new PaymentRequest("12AB", 2026, "F2026000042", 1000, "parent@alpha.test",
                "Facture", "https://alpha.example.test/payfip/notification",
                "https://alpha.example.test/espace/paiement", false);
        PaymentProviderException refused = assertThrows(PaymentProviderException.class,
                () -> adapter.create(badClient));
        assertEquals("T1", refused.code());
        assertEquals("PayFiP a refusé la demande (T1 : Numéro client invalide).", refused.getMessage());
        assertEquals("PayFiP refused the request (T1: Numéro client invalide).", refused.text().in(Locale.ENGLISH),
                "PayFiP's own label is given as PayFiP wrote it");

        assertThrows(IllegalArgumentException.class, () -> request(0), "nothing to pay is not a payment");
    }

    @Test
    void anUnreachablePayfipIsATemporaryFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PayfipAdapter down = new PayfipAdapter("http://127.0.0.1:" + closed + "/tpa/services/securite",
                simulator.paymentPage());
        PaymentProviderException e = assertThrows(PaymentProviderException.class, () -> down.create(request(1000)));
        assertTrue(e.temporary());
        assertEquals("PayFiP ne répond pas pour le moment ; réessayez dans quelques minutes.", e.getMessage());
        assertEquals("PayFiP is not answering at the moment; try again in a few minutes.", e.text().in(Locale.ENGLISH));
    }

    @Test
    void everyPayfipFailureReadsInThePagesLanguageWithItsFrenchUnchanged() {
        FonctionnelleErreur noLabel = new FonctionnelleErreur();
        noLabel.setCode("M1");
        noLabel.setLibelle(" ");
        PaymentProviderException refused = PayfipAdapter.refused(noLabel, null);
        assertEquals("PayFiP a refusé la demande (M1).", refused.getMessage());
        assertEquals("PayFiP refused the request (M1).", refused.text().in(Locale.ENGLISH));
        assertEquals("PayFiP a refusé la demande (?).", PayfipAdapter.refused(null, null).getMessage());
        PaymentProviderException technical = PayfipAdapter.technical(null);
        assertEquals(PaymentProviderException.TECHNICAL, technical.code());
        assertEquals("PayFiP a rencontré une erreur technique ; réessayez plus tard ou prévenez la régie.",
                technical.getMessage());
        assertEquals("PayFiP ran into a technical error; try again later or tell the régie.",
                technical.text().in(Locale.ENGLISH));
        // PayFiP's answers the platform cannot read
        assertEquals("PayFiP n'a pas renvoyé d'identifiant d'opération.", Refused.text("payment.provider.noOperationId").french());
        assertEquals("PayFiP did not return an operation id.", Refused.text("payment.provider.noOperationId").in(Locale.ENGLISH));
        Message unknown = Refused.text("payment.provider.unknownResult", "X", "0123abcd");
        assertEquals("PayFiP a renvoyé un résultat inconnu (« X ») pour l'opération 0123abcd.", unknown.french());
        assertEquals("PayFiP returned an unknown result (\"X\") for operation 0123abcd.", unknown.in(Locale.ENGLISH));
        Message amount = Refused.text("payment.provider.unreadableAmount", "12,5", "0123abcd");
        assertEquals("PayFiP a renvoyé un montant illisible (« 12,5 ») pour l'opération 0123abcd.", amount.french());
        assertEquals("PayFiP returned an unreadable amount (\"12,5\") for operation 0123abcd.", amount.in(Locale.ENGLISH));
    }

    @Test
    void theObjectIsMadeOfWhatPayfipAccepts() {
        assertEquals("Facture n F2026 42 cantine periscolaire Lea", PayfipAdapter.objet(
                "Facture n° F2026-42 : cantine & périscolaire (Léa)"));
        assertEquals(100, PayfipAdapter.objet("é".repeat(150)).length());
        assertNull(PayfipAdapter.objet(null));
    }

    @Test
    void theTransactionTimeIsReadFromPayfipsDayAndHour() {
        assertEquals(LocalDateTime.of(2026, 12, 2, 9, 5), PayfipAdapter.at("02122026", "0905"));
        assertEquals(LocalDateTime.of(2026, 12, 2, 0, 0), PayfipAdapter.at("02122026", null));
        assertNull(PayfipAdapter.at(null, "0905"));
        assertNull(PayfipAdapter.at("2026-12-02", "0905"), "anything else is not a date");
    }

    private static PaymentRequest request(long cents) {
        return new PaymentRequest("123456", 2026, "F2026000042", cents, "parent@alpha.test",
                "Facture de novembre 2026", "https://alpha.example.test/payfip/notification",
                "https://alpha.example.test/espace/paiement", false);
    }
}
