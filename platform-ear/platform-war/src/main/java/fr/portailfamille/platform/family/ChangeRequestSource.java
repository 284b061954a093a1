package fr.portailfamille.platform.family;

import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Mes demandes' change requests of the family file ("Modification du dossier : Adresse"). */
@ApplicationScoped
public class ChangeRequestSource implements RequestSource {

    /** The type as a word of the pages' bundle ({@code {agent.famille.change.ADRESSE}}), written in the page's language. */
    private static final String TYPE_LABEL = "'{agent.famille.change.' || r.type || '}'";

    @Override
    public Set<RequestKind> kinds() {
        return Set.of(RequestKind.DOSSIER);
    }

    @Override
    public String select() {
        return "select 'DOSSIER', r.id, cast(null as bigint), cast(" + TYPE_LABEL + " as varchar), r.created_at,"
                + " case r.status when 'PENDING' then 'PENDING' when 'ACCEPTED' then 'ACCEPTED' else 'REFUSED' end,"
                + " r.decided_at, r.reason, '/espace/foyer.xhtml'"
                + " from change_request r where r.family_id = (select id from req_family)";
    }
}
