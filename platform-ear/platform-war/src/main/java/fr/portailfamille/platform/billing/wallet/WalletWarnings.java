package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.wallet.WalletRules;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The low-balance mail: a family whose porte-monnaie no longer holds what the next two weeks need at its rhythm of
 * bookings is told once ({@link WalletRules#warning}); the flag is cleared when the balance covers them again, so a
 * later crossing warns again. One transaction for the commune, locking only the porte-monnaies whose flag changes.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class WalletWarnings {

    /** The family's porte-monnaie page, where the mail leads. */
    public static final String PAGE = "/espace/porte-monnaie.xhtml";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    Wallets wallets;

    @Inject
    WalletLedger ledger;

    @Inject
    FamilyMails mails;

    /** Warns the commune's families whose balance crossed below two weeks of need; returns how many were mailed. */
    public int warn(LocalDate today) {
        int sent = 0;
        for (WalletRegie r : wallets.regies()) {
            Optional<Long> regieId = ledger.regieId(r.code());
            if (regieId.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select w.id, f.email, w.balance_cents, w.low_warned from wallet w"
                    + " join family f on f.id = w.family_id where w.regie_id = ?1 order by w.id")
                    .setParameter(1, regieId.get()).getResultList();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                List<WalletRules.Booked> booked = wallets.paidBookings(id, today);
                long need = WalletRules.twoWeeksNeed(booked, today);
                // read without a lock first: most porte-monnaies change nothing, and a lock on each, held to the end of
                // the commune's pass, made every family booking or paying meanwhile wait
                if (WalletRules.warning(((Number) row[2]).longValue(), r.floorCents(), need, (Boolean) row[3])
                        == WalletRules.Warning.NONE) {
                    continue;
                }
                // then under its lock, read again: a payment or a booking may have moved it meanwhile
                WalletLedger.Locked w = ledger.lock(id).orElseThrow();
                switch (WalletRules.warning(w.balanceCents(), r.floorCents(), need, w.lowWarned())) {
                    case SEND -> {
                        String forecast = WalletRules.forecastText(WalletRules.coveredUntil(w.balanceCents(), r.floorCents(),
                                booked, today)).map(t -> " " + t).orElse("");
                        boolean owed = w.balanceCents() < r.floorCents();
                        mails.send((String) row[1], "Votre porte-monnaie « " + r.label() + " » est "
                                        + (owed ? "à découvert" : "bientôt vide"),
                                "Le solde de votre porte-monnaie « " + r.label() + " » est de " + Money.format(w.balanceCents())
                                        + (owed ? ", sous le minimum que la régie permet (" + Money.format(r.floorCents())
                                                + ") : un jour a été débité après coup (présence pointée, présence sans réservation)"
                                                + " ou un versement repris."
                                                + " Tant qu'il y reste, aucune réservation payée par ce porte-monnaie n'est"
                                                + " acceptée."
                                        : " : il ne couvre plus les deux prochaines semaines de réservations à votre rythme ("
                                                + Money.format(need) + ")." + forecast)
                                        + "\nAlimentez-le par carte bancaire en ligne"
                                        + " ou au guichet de la régie pour que vos prochaines réservations soient acceptées.",
                                PAGE);
                        flag(w.id(), true);
                        sent++;
                    }
                    case CLEAR -> flag(w.id(), false);
                    case NONE -> { }
                }
            }
        }
        return sent;
    }

    private void flag(long walletId, boolean warned) {
        em.createNativeQuery("update wallet set low_warned = ?2 where id = ?1").setParameter(1, walletId)
                .setParameter(2, warned).executeUpdate();
    }
}
