package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.booking.NextBookings;
import fr.portailfamille.platform.family.MyRequests;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.OneConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Accueil's reads for a parent in one transaction, so that the family is found once (the services share the
 * transaction's persistence context) and each block is one or two statements: account, porte-monnaie, documents to
 * renew, pending requests by kind, each child's next booked days; on one JDBC connection ({@link OneConnection}).
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AccueilReader {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyAccount account;

    @Inject
    Wallets wallets;

    @Inject
    FamilyDocuments documents;

    @Inject
    MyRequests requests;

    @Inject
    NextBookings bookings;

    /** What Accueil shows a parent. */
    public record Blocks(AccountOverview overview, List<Wallets.Summary> wallets, List<String> documentNotices,
                         Map<RequestKind, Long> pending, List<NextBookings.ChildDays> nextDays) {

        static final Blocks NONE = new Blocks(AccountOverview.EMPTY, List.of(), List.of(), Map.of(), List.of());
    }

    /** The blocks of the signed-in parent's Accueil, {@code days} booked days per child. */
    public Blocks read(SignedInUser parent, int days) {
        OneConnection.hold(em);
        return new Blocks(account.overview(parent, null),
                wallets.of(parent, null).stream().filter(Wallets.Summary::isActive).toList(),
                documents.notices(parent), requests.pendingCounts(parent), bookings.of(parent, days));
    }
}
