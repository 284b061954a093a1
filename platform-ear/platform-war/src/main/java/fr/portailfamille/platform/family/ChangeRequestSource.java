package fr.portailfamille.platform.family;

import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestSource;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/** Mes demandes' change requests of the family file ("Modification du dossier : Adresse"). */
@ApplicationScoped
public class ChangeRequestSource implements RequestSource {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Override
    public boolean withdraws(RequestKind kind) {
        return true;
    }

    /** The family takes back a change of its file not decided yet; audited in the file's history. */
    @Override
    public void withdraw(SignedInUser user, RequestKind kind, long id) {
        ChangeRequest r = em.find(ChangeRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || FamilyFileService.isStaff(user) || !r.getFamily().getId().equals(files.fileOf(user).getId())) {
            throw new Refused(Refused.text("family.request.notYours"));
        }
        if (r.getStatus() == ChangeRequest.Status.WITHDRAWN) {
            return;
        }
        if (r.getStatus() != ChangeRequest.Status.PENDING) {
            throw new Refused(Refused.text("family.request.decided"));
        }
        r.decide(ChangeRequest.Status.WITHDRAWN, user.email(), null);
        em.persist(new AuditEntry(user.email(), "DEMANDE_ANNULEE", r.getFamily().getId(), null,
                "demande de modification annulée par la famille : " + r.getType().label()));
    }

    /** The type as a word of the pages' bundle ({@code {agent.famille.change.ADRESSE}}), written in the page's language. */
    private static final String TYPE_LABEL = "'{agent.famille.change.' || r.type || '}'";

    @Override
    public Set<RequestKind> kinds() {
        return Set.of(RequestKind.DOSSIER);
    }

    @Override
    public String select() {
        return "select 'DOSSIER', r.id, cast(null as bigint), cast(" + TYPE_LABEL + " as varchar), r.created_at,"
                + " case r.status when 'PENDING' then 'PENDING' when 'ACCEPTED' then 'ACCEPTED'"
                + " when 'WITHDRAWN' then 'CANCELLED' else 'REFUSED' end,"
                + " r.decided_at, r.reason, '/espace/foyer.xhtml'"
                + " from change_request r where r.family_id = (select id from req_family)";
    }
}
