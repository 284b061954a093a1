package fr.portailfamille.payfip.simulator;

import fr.portailfamille.payfip.client.FonctionnelleErreur;
import fr.portailfamille.payfip.client.FonctionnelleErreur_Exception;
import fr.portailfamille.payfip.client.PaiementSecuriseService;
import fr.portailfamille.payfip.client.reponse.CreerPaiementSecuriseResponse;
import fr.portailfamille.payfip.client.reponse.RecupererDetailClientRequest;
import fr.portailfamille.payfip.client.reponse.RecupererDetailClientResponse;
import fr.portailfamille.payfip.client.reponse.RecupererDetailPaiementSecuriseRequest;
import fr.portailfamille.payfip.client.reponse.RecupererDetailPaiementSecuriseResponse;
import fr.portailfamille.payfip.client.requete.CreerPaiementSecuriseRequest;
import jakarta.jws.WebService;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The SOAP side of the simulator: the generated service interface implemented over the simulator's memory, published
 * with the committed WSDL. Checks the fields the way PayFiP does; the fault codes are those public integrations list
 * for PayFiP (S1 saisie, T1 numcli, E1 exer — the simulator's own —, M1/M3/M5 montant, A1/A2 mel, N1 urlnotif, D1 urlredirect, R3 refdet, P1 unknown
 * idOp, P4 idOp expired — not decided 15 minutes after its creation —, P5 result not known yet), the fault string the
 * one PayFiP sends.
 */
@WebService(serviceName = "PaiementSecuriseService", portName = "PaiementSecuriseServicePort",
        targetNamespace = SimulatedPaiementSecuriseService.NAMESPACE,
        endpointInterface = "fr.portailfamille.payfip.client.PaiementSecuriseService",
        wsdlLocation = "META-INF/wsdl/PaiementSecuriseService.wsdl")
public class SimulatedPaiementSecuriseService implements PaiementSecuriseService {

    static final String NAMESPACE = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";
    /** PayFiP's SOAP fault string for its functional errors. */
    public static final String FAULT_STRING = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";

    private static final Pattern NUMCLI = Pattern.compile("\\d{6}");
    private static final Pattern EXER = Pattern.compile("\\d{4}");
    private static final Pattern REFDET = Pattern.compile("[A-Za-z0-9]{6,30}"); // PayFiP answers R3 to "ABCD"
    private static final Pattern MONTANT = Pattern.compile("\\d{1,11}");
    /** PayFiP takes at least 1 € and at most 100,000 € per payment (in cents). */
    private static final long MIN_CENTS = 100;
    private static final long MAX_CENTS = 10_000_000;

    private final PayfipSimulator simulator;

    SimulatedPaiementSecuriseService(PayfipSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public CreerPaiementSecuriseResponse creerPaiementSecurise(CreerPaiementSecuriseRequest r)
            throws FonctionnelleErreur_Exception {
        if (r == null) {
            throw fault("T1", "Numéro client invalide");
        }
        if (r.getSaisie() == null || !"TXW".contains(r.getSaisie()) || r.getSaisie().length() != 1) {
            throw fault("S1", "Mode de saisie invalide");
        }
        if (r.getNumcli() == null || !NUMCLI.matcher(r.getNumcli()).matches()) {
            throw fault("T1", "Numéro client invalide");
        }
        if (r.getExer() == null || !EXER.matcher(r.getExer()).matches()) {
            throw fault("E1", "Exercice invalide");
        }
        if (r.getRefdet() == null || !REFDET.matcher(r.getRefdet()).matches()) {
            throw fault("R3", "Le format du paramètre REFDET n'est pas conforme");
        }
        if (r.getMontant() == null || !MONTANT.matcher(r.getMontant()).matches()) {
            throw fault("M1", "Le format du montant n'est pas correct");
        }
        long cents = Long.parseLong(r.getMontant());
        if (cents < MIN_CENTS) {
            throw fault("M3", "Montant minimum 1 € requis");
        }
        if (cents > MAX_CENTS) {
            throw fault("M5", "Montant dépasse la limite autorisée");
        }
        if (r.getMel() == null || r.getMel().isBlank()) {
            throw fault("A1", "Adresse électronique non renseignée");
        }
        if (!r.getMel().contains("@") || r.getMel().length() < 6 || r.getMel().length() > 80) {
            throw fault("A2", "L'adresse électronique est incorrecte");
        }
        if (!httpUrl(r.getUrlnotif())) {
            throw fault("N1", "URL de notification non valide");
        }
        if (!httpUrl(r.getUrlredirect())) {
            throw fault("D1", "URL de redirection non valide");
        }
        SimulatedPayment p = simulator.create(r.getNumcli(), r.getExer(), r.getRefdet(), r.getObjet(), r.getMontant(),
                r.getMel(), r.getUrlnotif(), r.getUrlredirect(), r.getSaisie());
        CreerPaiementSecuriseResponse response = new CreerPaiementSecuriseResponse();
        response.setIdOp(p.idOp());
        return response;
    }

    @Override
    public RecupererDetailPaiementSecuriseResponse recupererDetailPaiementSecurise(
            RecupererDetailPaiementSecuriseRequest r) throws FonctionnelleErreur_Exception {
        SimulatedPayment p = r == null || r.getIdOp() == null ? null : simulator.payment(r.getIdOp()).orElse(null);
        if (p == null) {
            throw fault("P1", "IdOp incorrect");
        }
        if (simulator.expired(p)) {
            throw fault("P4", "IdOp expiré");
        }
        if (p.resultrans() == null) {
            throw fault("P5", "Résultat de la transaction non connu");
        }
        RecupererDetailPaiementSecuriseResponse d = new RecupererDetailPaiementSecuriseResponse();
        d.setIdOp(p.idOp());
        d.setNumcli(p.numcli());
        d.setExer(p.exer());
        d.setRefdet(p.refdet());
        d.setObjet(p.objet());
        d.setMontant(p.montant());
        d.setMel(p.mel());
        d.setSaisie(p.saisie());
        d.setResultrans(p.resultrans());
        d.setDattrans(p.dattrans());
        d.setHeurtrans(p.heurtrans());
        d.setNumauto(p.numauto());
        return d;
    }

    @Override
    public RecupererDetailClientResponse recupererDetailClient(RecupererDetailClientRequest r)
            throws FonctionnelleErreur_Exception {
        if (r == null || r.getNumCli() == null || !NUMCLI.matcher(r.getNumCli()).matches()) {
            throw fault("T1", "Numéro client invalide");
        }
        RecupererDetailClientResponse c = new RecupererDetailClientResponse();
        c.setNumcli(r.getNumCli());
        c.setLibelleN1("RÉGIE SIMULÉE " + r.getNumCli());
        c.setLibelleN2("Simulateur PayFiP");
        c.setLibelleN3("Portail Famille");
        return c;
    }

    private static boolean httpUrl(String url) {
        if (url == null || url.length() > 250) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static FonctionnelleErreur_Exception fault(String code, String libelle) {
        FonctionnelleErreur info = new FonctionnelleErreur();
        info.setCode(code);
        info.setLibelle(libelle);
        info.setDescriptif(libelle);
        info.setMessage(libelle);
        info.setSeverite(2);
        return new FonctionnelleErreur_Exception(FAULT_STRING, info);
    }
}
