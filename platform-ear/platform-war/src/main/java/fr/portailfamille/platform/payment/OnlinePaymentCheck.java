package fr.portailfamille.platform.payment;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every ten minutes, in every commune, the online payments pending for more than {@link #ASK_AFTER} are checked at
 * the provider ({@link OnlinePayments#check}): a result never notified is settled; a payment still without a result
 * after {@link #EXPIRE_AFTER} (the payer left PayFiP's page without deciding) expires.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OnlinePaymentCheck {

    static final Duration ASK_AFTER = Duration.ofMinutes(10);
    static final Duration EXPIRE_AFTER = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(OnlinePaymentCheck.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    OnlinePayments payments;

    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "paiements en ligne sans résultat")
    public void everyTenMinutes() {
        Instant now = Instant.now();
        directory.forEachActive(LOG, "Paiements en ligne : vérification impossible", commune -> {
            for (String idOp : payments.pendingSince(now.minus(ASK_AFTER))) {
                try {
                    payments.check(idOp, now.minus(EXPIRE_AFTER));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Paiement en ligne " + idOp + " de la commune " + commune.slug()
                            + " : vérification impossible pour le moment", e);
                }
            }
        });
    }
}
