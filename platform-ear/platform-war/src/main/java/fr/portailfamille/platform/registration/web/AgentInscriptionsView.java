package fr.portailfamille.platform.registration.web;

import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.registration.Registration;
import fr.portailfamille.platform.registration.RegistrationService;
import fr.portailfamille.platform.registration.SchoolEnrolment;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agents' queues: activity registrations (with their documents), school pre-registrations and medical
 * certificates of absences (health data: agent-sante only); each decision mails the family, a refusal
 * carries its reason.
 */
@Named
@ViewScoped
public class AgentInscriptionsView implements Serializable {

    @Inject
    transient RegistrationService registrations;

    @Inject
    transient AbsenceService bookings;

    @Inject
    transient UserView user;

    /** Reasons typed by the agent, by queue and id ("r12", "s3", "a7"). */
    private final Map<String, String> reasons = new HashMap<>();

    /** The queues as read for this view, read again after each decision. */
    private transient List<Registration> pendingRegistrations;
    private transient Map<Long, List<RegistrationService.Document>> documents;
    private transient List<SchoolEnrolment> schoolRequests;
    private transient List<AbsenceService.CertificateToReview> certificates;

    public List<Registration> getRegistrations() {
        if (pendingRegistrations == null) {
            pendingRegistrations = registrations.pendingRegistrations();
            documents = new HashMap<>();
        }
        return pendingRegistrations;
    }

    public List<RegistrationService.Document> documents(long registrationId) {
        if (documents == null) {
            documents = new HashMap<>();
        }
        return documents.computeIfAbsent(registrationId, registrations::documentsOf);
    }

    public List<SchoolEnrolment> getSchoolRequests() {
        if (schoolRequests == null) {
            schoolRequests = registrations.pendingSchoolRequests();
        }
        return schoolRequests;
    }

    public List<AbsenceService.CertificateToReview> getCertificates() {
        if (certificates == null) {
            certificates = isHealthAllowed() ? bookings.certificatesToReview() : List.of();
        }
        return certificates;
    }

    public void decideRegistration(long id, boolean accept, int row) {
        decide("inscriptions", "registrations[" + row + "].reason", "r" + id,
                () -> registrations.decideRegistration(agent(), id, accept, reasons.get("r" + id)),
                accept ? "Inscription validée ; la famille est prévenue." : "Inscription refusée ; la famille est prévenue avec le motif.");
    }

    public void decideSchool(long id, boolean accept, int row) {
        decide("scolaires", "schools[" + row + "].reason", "s" + id,
                () -> registrations.decideSchool(agent(), id, accept, reasons.get("s" + id)),
                accept ? "Inscription scolaire acceptée ; la famille est prévenue." : "Inscription scolaire refusée ; la famille est prévenue avec le motif.");
    }

    /** Medical certificates are health data: only for the agent-sante role. */
    public boolean isHealthAllowed() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("agent-sante");
    }

    public void reviewCertificate(long absenceId, boolean accept, int row) {
        if (!isHealthAllowed()) {
            FormErrors.error("Les certificats médicaux sont réservés aux agents habilités (rôle agent-santé).");
            return;
        }
        decide("certificats", "certificates[" + row + "].reason", "a" + absenceId,
                () -> bookings.reviewCertificate(agent(), absenceId, accept, reasons.get("a" + absenceId)),
                accept ? "Certificat accepté : l'absence est excusée, la famille est prévenue." : "Certificat refusé : la journée est facturée, la famille est prévenue.");
    }

    private void decide(String form, String reasonField, String key, Runnable action, String done) {
        try {
            action.run();
            reasons.remove(key);
            pendingRegistrations = null;
            schoolRequests = null;
            certificates = null;
            FormErrors.info(done);
        } catch (Refused e) {
            FormErrors.show(form, List.of(new FieldError("reason".equals(e.field()) ? reasonField : "", e.getMessage())));
        }
    }

    private String agent() {
        return user.require().email();
    }

    public Map<String, String> getReasons() { return reasons; }
}
