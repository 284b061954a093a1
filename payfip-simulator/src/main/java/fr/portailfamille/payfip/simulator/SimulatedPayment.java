package fr.portailfamille.payfip.simulator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One payment created by {@code creerPaiementSecurise}, as PayFiP keeps it: what was asked, then the result once the
 * payer has decided ({@code resultrans} null until then), and the notifications sent for it.
 */
public final class SimulatedPayment {

    private final String idOp;
    private final String numcli;
    private final String exer;
    private final String refdet;
    private final String objet;
    private final String montant;
    private final String mel;
    private final String urlnotif;
    private final String urlredirect;
    private final String saisie;
    private final Instant created;
    private volatile String resultrans;
    private volatile String dattrans;
    private volatile String heurtrans;
    private volatile String numauto;
    private final List<Integer> notificationStatuses = new CopyOnWriteArrayList<>();

    SimulatedPayment(String idOp, String numcli, String exer, String refdet, String objet, String montant, String mel,
            String urlnotif, String urlredirect, String saisie, Instant created) {
        this.idOp = idOp;
        this.numcli = numcli;
        this.exer = exer;
        this.refdet = refdet;
        this.objet = objet;
        this.montant = montant;
        this.mel = mel;
        this.urlnotif = urlnotif;
        this.urlredirect = urlredirect;
        this.saisie = saisie;
        this.created = created;
    }

    /** Records the payer's decision once; false when the payment was already decided. */
    synchronized boolean decide(String resultrans, String dattrans, String heurtrans, String numauto) {
        if (this.resultrans != null) {
            return false;
        }
        this.dattrans = dattrans;
        this.heurtrans = heurtrans;
        this.numauto = numauto;
        this.resultrans = resultrans;
        return true;
    }

    void notified(int status) {
        notificationStatuses.add(status);
    }

    public String idOp() {
        return idOp;
    }

    public String numcli() {
        return numcli;
    }

    public String exer() {
        return exer;
    }

    public String refdet() {
        return refdet;
    }

    public String objet() {
        return objet;
    }

    /** The amount in cents, as PayFiP carries it (digits). */
    public String montant() {
        return montant;
    }

    public String mel() {
        return mel;
    }

    public String urlnotif() {
        return urlnotif;
    }

    public String urlredirect() {
        return urlredirect;
    }

    public String saisie() {
        return saisie;
    }

    public Instant created() {
        return created;
    }

    /** P, V, R, Z or A once decided; null while the payer has not decided. */
    public String resultrans() {
        return resultrans;
    }

    /** ddMMyyyy (Europe/Paris), like PayFiP. */
    public String dattrans() {
        return dattrans;
    }

    /** HHmm (Europe/Paris), like PayFiP. */
    public String heurtrans() {
        return heurtrans;
    }

    /** The bank's authorisation number (paid payments only). */
    public String numauto() {
        return numauto;
    }

    /** HTTP statuses answered by {@code urlnotif}, one per notification sent (-1 when it could not be reached). */
    public List<Integer> notificationStatuses() {
        return List.copyOf(notificationStatuses);
    }
}
