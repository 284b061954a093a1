package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.family.FamilyChild;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.platform.kernel.TextLimits;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.booking.AbsenceReason;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.time.YearMonth;

/** "Signaler une absence" on one of the family's booked days, with a medical certificate if any. */
@Named
@ViewScoped
public class AbsenceView implements Serializable {

    @Inject
    PlanningService planning;

    @Inject
    AbsenceService absences;

    @Inject
    UserView user;

    @Inject
    FamilyFileService files;

    private Long reservation;
    private Booking booking;
    private String reason;
    private String comment;
    private transient Part certificate;
    private boolean done;
    private boolean freeCancellation;
    /** The day is booked: an absence can be declared on it. */
    private boolean declarable;
    /** A day the service pointed absent that the family may still declare (give its reason, its certificate). */
    private boolean pointed;
    /** An illness declared without certificate whose certificate can still be sent. */
    private boolean lateCertificate;
    private int lateCertificateDays = fr.portailfamille.booking.AbsenceRules.LATE_CERTIFICATE_DAYS;
    private String planningLink;
    /** Why no absence can be declared on the day, nor its certificate sent. */
    private String notDeclarable;

    public void load() throws IOException {
        try {
            booking = reservation == null ? null : planning.ownBooking(user.require(), reservation);
        } catch (BookingRefused e) {
            booking = null;
        }
        if (booking == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Réservation introuvable");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        freeCancellation = !done && absences.freeCancellation(user.require(), reservation);
        declarable = booking.getStatus() == BookingStatus.BOOKED || booking.getStatus() == BookingStatus.BOOKED_LATE;
        // a day the service pointed absent, not declared by the family: its reason (its certificate) still given
        java.util.Optional<fr.portailfamille.problems.Message> pointedRefused = done || declarable
                || booking.getStatus() != BookingStatus.ABSENT_BILLED ? java.util.Optional.empty()
                : absences.pointedAbsenceRefused(user.require(), reservation);
        pointed = !done && booking.getStatus() == BookingStatus.ABSENT_BILLED && pointedRefused.isEmpty();
        declarable = declarable || pointed;
        java.util.Optional<fr.portailfamille.problems.Message> lateRefused = done || declarable ? java.util.Optional.empty()
                : absences.lateCertificateRefused(user.require(), reservation);
        lateCertificate = !done && !declarable && lateRefused.isEmpty();
        // an illness whose certificate can no longer come (its delay passed, its month invoiced), an absence pointed too
        // long ago: said so, not « no longer booked »
        notDeclarable = pointedRefused.filter(m -> "booking.absence.pointed.tooLate".equals(m.key()))
                .or(() -> lateRefused.filter(m -> "booking.absence.lateCertificate.tooLate".equals(m.key())))
                .map(Texts::of).orElse(Texts.of("absence.notDeclarable"));
        lateCertificateDays = absences.lateCertificateDays();
        // the planning counts the family's children by position (by id)
        List<FamilyChild> children = files.overviewOf(user.require()).children();
        int position = 1;
        for (int i = 0; i < children.size(); i++) {
            if (java.util.Objects.equals(children.get(i).getId(), booking.getChild().getId())) {
                position = i + 1;
            }
        }
        planningLink = "/espace/planning.xhtml?enfant=" + position + "&activite=" + booking.getUnit().getActivity().getId()
                + "&mois=" + YearMonth.from(booking.getDay());
    }

    /**
     * "Annuler sans frais": the day can still be cancelled without charge, which is better for the
     * family than an absence (billed); the family is told what was done.
     */
    public void cancelFree() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        try {
            String message = Texts.of(planning.cancelFree(user.require(), reservation).text());
            done = true;
            freeCancellation = false;
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
        } catch (BookingRefused e) {
            // the deadline went by while the page was open: said, and the absence form offered instead
            freeCancellation = absences.freeCancellation(user.require(), reservation);
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
        }
    }

    public void declare() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (reason == null || reason.isBlank()) {
            String why = Texts.of("absence.reason.required");
            ctx.addMessage("absence:reason", new FacesMessage(FacesMessage.SEVERITY_ERROR, why, why));
            return;
        }
        if (TextLimits.exceeds(comment, TextLimits.COMMENT)) {
            String tooLong = Texts.of("absence.comment.tooLong", String.valueOf(TextLimits.COMMENT));
            ctx.addMessage("absence:comment", new FacesMessage(FacesMessage.SEVERITY_ERROR, tooLong, tooLong));
            return;
        }
        Certificate file = certificate(ctx, "absence:certificate");
        if (file == null) {
            return;
        }
        try {
            String message = Texts.of(absences.declareAbsence(user.require(), reservation,
                    AbsenceReason.valueOf(reason), comment, file.bytes(), file.type(), file.name()));
            done = true;
            freeCancellation = false;
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
        } catch (BookingRefused e) {
            // beside the file or the comment when it is about them; the day itself (past, no longer booked) above
            String at = "certificate".equals(e.field()) || "comment".equals(e.field()) ? "absence:" + e.field() : null;
            ctx.addMessage(at, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
        }
    }

    /**
     * "Envoyer le certificat": the medical certificate of an illness declared without one, within the week after the
     * day; refusals beside the file, or above when no certificate is awaited any more.
     */
    public void sendCertificate() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Certificate file = certificate(ctx, "late:certificate");
        if (file == null) {
            return;
        }
        try {
            String message = Texts.of(absences.sendLateCertificate(user.require(), reservation, file.bytes(), file.type(),
                    file.name()));
            done = true;
            lateCertificate = false;
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
        } catch (BookingRefused e) {
            ctx.addMessage("certificate".equals(e.field()) ? "late:certificate" : null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(e), Texts.of(e)));
        }
    }

    /** The certificate posted, its parts null when none was chosen. */
    private record Certificate(byte[] bytes, String type, String name) {
    }

    /**
     * The certificate the form posted (at most one byte more than the limit read); {@code null}, with the reason beside
     * the field {@code clientId} in the page's language, when the upload was cut off or is no longer kept.
     */
    private Certificate certificate(FacesContext ctx, String clientId) {
        if (certificate == null || certificate.getSize() == 0) {
            return new Certificate(null, null, null);
        }
        try (InputStream in = certificate.getInputStream()) {
            return new Certificate(in.readNBytes(UploadChecker.MAX_BYTES + 1), certificate.getContentType(),
                    certificate.getSubmittedFileName());
        } catch (IOException e) {
            String why = Texts.of(Refused.text("upload.unreadable", Refused.text("upload.what.certificate")));
            ctx.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, why, why));
            return null;
        }
    }

    public boolean isDeclarable() { return declarable; }
    public boolean isPointed() { return pointed; }
    public boolean isLateCertificate() { return lateCertificate; }
    public int getLateCertificateDays() { return lateCertificateDays; }

    public Booking getBooking() { return booking; }

    /** Back to the planning the parent came from: the booked day's child, activity and month ({@link #load}). */
    public String getPlanningLink() { return planningLink == null ? "/espace/planning.xhtml" : planningLink; }
    public Long getReservation() { return reservation; }
    public void setReservation(Long v) { if (ViewParams.opening()) reservation = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
    public Part getCertificate() { return certificate; }
    public void setCertificate(Part v) { certificate = v; }
    public boolean isDone() { return done; }
    public boolean isFreeCancellation() { return freeCancellation; }

    public String getNotDeclarable() { return notDeclarable; }
}
