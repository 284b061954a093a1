package fr.portailfamille.platform.family.documents;

import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Mes demandes' documents sent through Mes documents, each reviewed by an agent. */
@ApplicationScoped
public class DocumentRequestSource implements RequestSource {

    @Override
    public Set<RequestKind> kinds() {
        return Set.of(RequestKind.DOCUMENT);
    }

    @Override
    public String select() {
        return "select 'DOCUMENT', d.id, d.child_id, cast(t.label as varchar), d.uploaded_at,"
                + " case d.status when 'PENDING' then 'PENDING' when 'VALIDATED' then 'ACCEPTED' else 'REFUSED' end,"
                + " d.reviewed_at, d.reason, '/espace/documents.xhtml'"
                + " from family_document d join document_type t on t.code = d.type_code"
                + " where d.family_id = (select id from req_family)";
    }
}
