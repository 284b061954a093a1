package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.booking.NextBookings;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.family.MyRequests;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.OneConnection;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Accueil's reads for a parent in one transaction, so that the family is found once (the services share the
 * transaction's persistence context) and each block is one or two statements: where the family file stands, account,
 * porte-monnaie, documents to renew, pending requests by kind, each child's next booked days; on one JDBC connection
 * ({@link OneConnection}).
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AccueilReader {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

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

    /**
     * Where the family file stands, until an agent validates it: {@code NEW} (a new account's file, not saved yet),
     * {@code DRAFT} (kept until {@code keptUntil}; {@code refusal}, the reason an agent sent it back), {@code SUBMITTED}
     * (sent on {@code sentOn}, awaiting the service), {@code VALIDATED}.
     */
    public record FileState(String state, LocalDate keptUntil, LocalDate sentOn, String refusal) {

        static final FileState VALIDATED = new FileState(FamilyStatus.VALIDATED.name(), null, null, null);

        /** Whether the family still has something to do or wait for before it can register and book. */
        public boolean isPending() {
            return !VALIDATED.state.equals(state);
        }

        // Expression Language 5 reads bean properties, not a record's accessors
        public String getState() { return state; }
        public LocalDate getKeptUntil() { return keptUntil; }
        public LocalDate getSentOn() { return sentOn; }
        public String getRefusal() { return refusal; }
    }

    /** What Accueil shows a parent. */
    public record Blocks(FileState file, AccountOverview overview, List<Wallets.Summary> wallets,
                         List<Message> documentNotices, Map<RequestKind, Long> pending, List<NextBookings.ChildDays> nextDays) {

        static final Blocks NONE = new Blocks(FileState.VALIDATED, AccountOverview.EMPTY, List.of(), List.of(), Map.of(),
                List.of());
    }

    /** The blocks of the signed-in parent's Accueil, {@code days} booked days per child. */
    public Blocks read(SignedInUser parent, int days) {
        OneConnection.hold(em);
        return new Blocks(fileState(parent), account.overview(parent, null),
                wallets.of(parent, null).stream().filter(Wallets.Summary::isActive).toList(),
                documents.notices(parent), requests.pendingCounts(parent), bookings.of(parent, days));
    }

    private FileState fileState(SignedInUser parent) {
        Family f = files.fileOf(parent);
        if (f.getId() == null) {
            return new FileState("NEW", null, null, null);
        }
        return switch (f.getStatus()) {
            case VALIDATED -> FileState.VALIDATED;
            case SUBMITTED -> new FileState(f.getStatus().name(), null, PlatformTime.day(f.getSubmittedAt()), null);
            case DRAFT -> new FileState(f.getStatus().name(), PlatformTime.day(f.getDraftExpiresAt()), null,
                    files.lastRefusal(parent));
        };
    }
}
