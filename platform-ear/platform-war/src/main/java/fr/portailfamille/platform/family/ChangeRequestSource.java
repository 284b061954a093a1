package fr.portailfamille.platform.family;

import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Mes demandes' change requests of the family file ("Modification du dossier : Adresse"). */
@ApplicationScoped
public class ChangeRequestSource implements RequestSource {

    private static final String TYPE_LABEL = Arrays.stream(ChangeRequest.Type.values())
            .map(t -> " when '" + t.name() + "' then '" + t.label().replace("'", "''") + "'")
            .collect(Collectors.joining("", "case r.type", " else r.type end"));

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
