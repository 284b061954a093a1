package fr.portailfamille.platform.payment.payfip;

import fr.portailfamille.payfip.client.FonctionnelleErreur;
import fr.portailfamille.payfip.client.FonctionnelleErreur_Exception;
import fr.portailfamille.payfip.client.PaiementSecuriseService;
import fr.portailfamille.payfip.client.PaiementSecuriseService_Service;
import fr.portailfamille.payfip.client.TechDysfonctionnementErreur_Exception;
import fr.portailfamille.payfip.client.TechIndisponibiliteErreur_Exception;
import fr.portailfamille.payfip.client.TechProtocolaireErreur_Exception;
import fr.portailfamille.payfip.client.reponse.RecupererDetailPaiementSecuriseRequest;
import fr.portailfamille.payfip.client.reponse.RecupererDetailPaiementSecuriseResponse;
import fr.portailfamille.payfip.client.requete.CreerPaiementSecuriseRequest;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.PaymentCreated;
import fr.portailfamille.platform.payment.PaymentOutcome;
import fr.portailfamille.platform.payment.PaymentPort;
import fr.portailfamille.platform.payment.PaymentProviderException;
import fr.portailfamille.platform.payment.PaymentRequest;
import fr.portailfamille.platform.payment.PaymentResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link PaymentPort} over PayFiP: {@code creerPaiementSecurise} then {@code recupererDetailPaiementSecurise}, through
 * the client generated from the committed WSDL and nothing else. Configuration (MicroProfile Config):
 * <ul>
 * <li>{@code pf.payfip.endpoint}: the SOAP service; production {@value #PRODUCTION_ENDPOINT}</li>
 * <li>{@code pf.payfip.payment-page}: the payment page ({@code ?idop=} is added); production
 * {@value #PRODUCTION_PAYMENT_PAGE}</li>
 * </ul>
 * Both default to the local simulator of the run command ({@value #LOCAL_ENDPOINT}). PayFiP's functional errors
 * (SOAP fault {@code FonctionnelleErreur}, with a code) and technical ones become a
 * {@link PaymentProviderException} whose text is a key of the refusals' bundle ({@code payment.provider.*}: French
 * message, English on an English page); "P5" (result not known yet) is an empty result.
 */
@ApplicationScoped
public class PayfipAdapter implements PaymentPort {

    public static final String PRODUCTION_ENDPOINT = "https://www.payfip.gouv.fr/tpa/services/securite";
    public static final String PRODUCTION_PAYMENT_PAGE = "https://www.payfip.gouv.fr/tpa/paiementws.web";
    public static final String LOCAL_ENDPOINT = "http://127.0.0.1:8990/tpa/services/securite";
    public static final String LOCAL_PAYMENT_PAGE = "http://127.0.0.1:8990/tpa/paiementws.web";
    /** PayFiP: the result of this operation is not known yet (the payer is still on the payment page) */
    static final String NOT_KNOWN_YET = "P5";
    /** PayFiP: unknown operation id (never created, or cleaned the night after an abandon) */
    static final String UNKNOWN_OPERATION = "P1";
    private static final int TIMEOUT_MILLIS = 15_000;
    private static final DateTimeFormatter DATTRANS = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final DateTimeFormatter HEURTRANS = DateTimeFormatter.ofPattern("HHmm");
    private static final Map<String, PaymentOutcome> OUTCOMES = Map.of("P", PaymentOutcome.PAID_BY_CARD,
            "V", PaymentOutcome.PAID_BY_DEBIT, "R", PaymentOutcome.REFUSED, "Z", PaymentOutcome.DEBIT_REFUSED,
            "A", PaymentOutcome.ABANDONED);

    @Inject
    @ConfigProperty(name = "pf.payfip.endpoint", defaultValue = LOCAL_ENDPOINT)
    String endpoint;

    @Inject
    @ConfigProperty(name = "pf.payfip.payment-page", defaultValue = LOCAL_PAYMENT_PAGE)
    String paymentPage;

    /** the generated service (reads the WSDL bundled with the client once); ports are made per call */
    private volatile PaiementSecuriseService_Service service;

    protected PayfipAdapter() {
        // CDI
    }

    /** An adapter outside the container, on these addresses. */
    public PayfipAdapter(String endpoint, String paymentPage) {
        this.endpoint = endpoint;
        this.paymentPage = paymentPage;
    }

    @Override
    public PaymentCreated create(PaymentRequest request) {
        CreerPaiementSecuriseRequest r = new CreerPaiementSecuriseRequest();
        r.setNumcli(request.clientNumber());
        r.setExer(Integer.toString(request.exercise()));
        r.setRefdet(request.invoiceReference());
        r.setMontant(Long.toString(request.amountCents()));
        r.setMel(request.email());
        r.setObjet(objet(request.object()));
        r.setUrlnotif(request.notificationUrl());
        r.setUrlredirect(request.redirectUrl());
        r.setSaisie(request.production() ? "W" : "T");
        String idOp;
        try {
            idOp = port().creerPaiementSecurise(r).getIdOp();
        } catch (FonctionnelleErreur_Exception e) {
            throw refused(e.getFaultInfo(), e);
        } catch (TechDysfonctionnementErreur_Exception | TechProtocolaireErreur_Exception e) {
            throw technical(e);
        } catch (TechIndisponibiliteErreur_Exception | WebServiceException e) {
            throw unavailable(e);
        }
        if (idOp == null || idOp.isBlank()) {
            throw new PaymentProviderException(PaymentProviderException.BAD_ANSWER,
                    Refused.text("payment.provider.noOperationId"), null);
        }
        return new PaymentCreated(idOp, paymentPage + "?idop=" + URLEncoder.encode(idOp, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<PaymentResult> result(String operationId) {
        RecupererDetailPaiementSecuriseRequest r = new RecupererDetailPaiementSecuriseRequest();
        r.setIdOp(operationId);
        RecupererDetailPaiementSecuriseResponse d;
        try {
            d = port().recupererDetailPaiementSecurise(r);
        } catch (FonctionnelleErreur_Exception e) {
            if (e.getFaultInfo() != null && NOT_KNOWN_YET.equals(e.getFaultInfo().getCode())) {
                return Optional.empty();
            }
            throw refused(e.getFaultInfo(), e);
        } catch (TechDysfonctionnementErreur_Exception | TechProtocolaireErreur_Exception e) {
            throw technical(e);
        } catch (TechIndisponibiliteErreur_Exception | WebServiceException e) {
            throw unavailable(e);
        }
        PaymentOutcome outcome = d.getResultrans() == null ? null : OUTCOMES.get(d.getResultrans());
        if (outcome == null) {
            throw new PaymentProviderException(PaymentProviderException.BAD_ANSWER,
                    Refused.text("payment.provider.unknownResult", String.valueOf(d.getResultrans()), operationId), null);
        }
        long cents;
        try {
            cents = Long.parseLong(d.getMontant());
        } catch (NumberFormatException e) {
            throw new PaymentProviderException(PaymentProviderException.BAD_ANSWER,
                    Refused.text("payment.provider.unreadableAmount", String.valueOf(d.getMontant()), operationId), e);
        }
        String authorisation = d.getNumauto() == null || d.getNumauto().isBlank() ? null : d.getNumauto();
        return Optional.of(new PaymentResult(d.getIdOp() == null ? operationId : d.getIdOp(), outcome, cents,
                d.getRefdet(), d.getNumcli(), d.getExer(), d.getMel(), at(d.getDattrans(), d.getHeurtrans()),
                authorisation, "W".equals(d.getSaisie())));
    }

    /**
     * PayFiP's {@code objet}: letters, digits and spaces only, at most 100 characters (accents dropped, other signs
     * become spaces).
     */
    static String objet(String text) {
        if (text == null) {
            return null;
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String clean = ascii.replaceAll("[^A-Za-z0-9]+", " ").trim();
        return clean.length() > 100 ? clean.substring(0, 100).trim() : clean;
    }

    /** ddMMyyyy + HHmm, French time; null when PayFiP does not give them or gives something else. */
    static LocalDateTime at(String dattrans, String heurtrans) {
        if (dattrans == null || dattrans.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(dattrans, DATTRANS);
            LocalTime time = heurtrans == null || heurtrans.isBlank() ? LocalTime.MIDNIGHT
                    : LocalTime.parse(heurtrans, HEURTRANS);
            return day.atTime(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private PaiementSecuriseService port() {
        PaiementSecuriseService_Service s = service;
        if (s == null) {
            synchronized (this) {
                if (service == null) {
                    service = new PaiementSecuriseService_Service();
                }
                s = service;
            }
        }
        PaiementSecuriseService port = s.getPaiementSecuriseServicePort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint);
        // the JAX-WS RI's timeouts (com.sun.xml.ws.developer.JAXWSProperties), in milliseconds
        context.put("com.sun.xml.ws.connect.timeout", TIMEOUT_MILLIS);
        context.put("com.sun.xml.ws.request.timeout", TIMEOUT_MILLIS);
        return port;
    }

    static PaymentProviderException refused(FonctionnelleErreur fault, Exception cause) {
        String code = fault == null || fault.getCode() == null ? "?" : fault.getCode();
        if (UNKNOWN_OPERATION.equals(code)) {
            return new PaymentProviderException(code, Refused.text("payment.provider.unknownOperation"), cause);
        }
        String label = fault == null ? null : fault.getLibelle() != null ? fault.getLibelle() : fault.getDescriptif();
        // PayFiP's label is its own French words, given as they are
        return new PaymentProviderException(code, label == null || label.isBlank()
                ? Refused.text("payment.provider.refused", code)
                : Refused.text("payment.provider.refusedWithLabel", code, label), cause);
    }

    static PaymentProviderException technical(Exception cause) {
        return new PaymentProviderException(PaymentProviderException.TECHNICAL,
                Refused.text("payment.provider.technical"), cause);
    }

    private static PaymentProviderException unavailable(Exception cause) {
        return new PaymentProviderException(PaymentProviderException.UNAVAILABLE,
                Refused.text("payment.provider.unavailable"), cause);
    }
}
