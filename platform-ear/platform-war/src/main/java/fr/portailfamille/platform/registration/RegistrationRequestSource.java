package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestSource;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** Mes demandes' activity registrations and school pre-registrations of the family's children. */
@ApplicationScoped
public class RegistrationRequestSource implements RequestSource {

    private static final String STATE = "case r.status when 'SUBMITTED' then 'PENDING' when 'VALIDATED' then 'ACCEPTED'"
            + " when 'WITHDRAWN' then 'CANCELLED' else 'REFUSED' end";

    @Inject
    RegistrationService registrations;

    @Override
    public boolean withdraws(RequestKind kind) {
        return true;
    }

    @Override
    public void withdraw(SignedInUser user, RequestKind kind, long id) {
        if (kind == RequestKind.SCOLAIRE) {
            registrations.withdrawSchool(user, id);
        } else {
            registrations.withdrawRegistration(user, id);
        }
    }

    @Override
    public Set<RequestKind> kinds() {
        return Set.of(RequestKind.INSCRIPTION, RequestKind.SCOLAIRE);
    }

    @Override
    public String select() {
        return "select 'INSCRIPTION', r.id, r.child_id, cast(a.name as varchar), r.submitted_at, " + STATE + ","
                + " r.decided_at, r.reason, '/espace/inscriptions.xhtml?enfant=' || k.position"
                + " from registration r join req_children k on k.id = r.child_id join activity a on a.id = r.activity_id"
                + " union all"
                + " select 'SCOLAIRE', r.id, r.child_id, cast(e.name || ' – ' || r.level || ' – ' || r.school_year as varchar),"
                + " r.submitted_at, " + STATE + ", r.decided_at, r.reason, '/espace/inscriptions.xhtml?enfant=' || k.position"
                + " from school_enrolment r join req_children k on k.id = r.child_id"
                + " join establishment e on e.id = r.establishment_id";
    }
}
