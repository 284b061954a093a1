package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.CertificateQueue;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.QueuePage;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Page agent/certificats: medical certificates of absences to review (health data: agent-sante only,
 * enforced by the service), accepted (the absence is excused) or refused with a reason (the day is
 * billed) in the decision dialog; no bulk decision, each certificate is read.
 */
@Named
@ViewScoped
public class CertificatsView extends QueuePage<CertificateQueue.CertificateToReview> {

    @Inject
    CertificateQueue queue;

    /** Whether this agent may see the certificates (the page says so to the others). */
    public boolean isHealthAllowed() {
        return StaffRoles.mayReadHealth(agent());
    }

    @Override
    protected long count(SignedInUser agent) {
        return queue.count(agent);
    }

    @Override
    protected List<CertificateQueue.CertificateToReview> page(SignedInUser agent, int offset, int limit, Sort sort) {
        return queue.page(agent, offset, limit, sort);
    }

    @Override
    protected long key(CertificateQueue.CertificateToReview row) {
        return row.absenceId();
    }

    @Override
    protected List<FieldError> decide(SignedInUser agent, CertificateQueue.CertificateToReview row, boolean accept,
                                      String reason) {
        queue.review(agent, row.absenceId(), accept, reason);
        return List.of();
    }

    @Override
    protected String decided(boolean accept) {
        return Texts.of(accept ? "agent.certificats.accepted" : "agent.certificats.refused");
    }
}
