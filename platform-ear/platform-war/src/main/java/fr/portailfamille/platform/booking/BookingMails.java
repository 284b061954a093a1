package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.mail.FamilyMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The mails of the booking context to families: a seat freed for them, an agent's decisions. */
@ApplicationScoped
public class BookingMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    FamilyMails mails;

    @Inject
    fr.portailfamille.platform.configuration.CommuneSettings settings;

    /**
     * A child on the waiting list got a freed seat: the family is told, and whether the day may still be cancelled
     * without charge — a seat freed after the free-cancellation deadline comes with a day billed if the child does not
     * come, which the family must know before it counts on cancelling.
     */
    public void promoted(Booking b) {
        boolean free = b.getUnit().getActivity().rules().decideCancellation(fr.portailfamille.platform.kernel.PlatformTime.now(),
                b.getDay(), settings.calendar(), b.getUnit().getStartTime()).outcome()
                == fr.portailfamille.booking.CancellationDecision.Outcome.FREE;
        mails.send(b.getChild().getFamily().getEmail(), "Une place s'est libérée",
                "Une place s'est libérée : " + b.getChild().getFirstName() + " est inscrit(e) à « "
                        + b.getUnit().getActivity().getName() + " – " + b.getUnit().getLabel() + " » le "
                        + DAY.format(b.getDay()) + ".\n"
                        + (free ? "S'il ne vient pas, annulez la réservation dans Mon planning tant que le délai d'annulation"
                                + " sans frais court."
                                : "Le délai d'annulation sans frais de ce jour est passé : s'il ne vient pas, la journée sera"
                                + " facturée (en cas de maladie, signalez l'absence avec un certificat médical)."),
                "/espace/planning.xhtml");
    }

    /**
     * The commune closed days a family had booked ({@link ClosedDays}): one mail listing each child's activity and day
     * cancelled, with the closure's label.
     *
     * @param bookings the family's bookings cancelled, in order
     * @param labels   each closed day's label
     */
    public void closed(List<Booking> bookings, Map<LocalDate, String> labels) {
        StringBuilder text = new StringBuilder("L'accueil sera fermé ces jours-là ; les réservations suivantes sont"
                + " annulées et ne seront pas facturées :\n");
        for (Booking b : bookings) {
            String label = labels.get(b.getDay());
            text.append("\n- ").append(b.getChild().getFirstName()).append(" : « ").append(b.getUnit().getActivity().getName())
                    .append(" – ").append(b.getUnit().getLabel()).append(" » le ").append(DAY.format(b.getDay()))
                    .append(label == null || label.isBlank() ? "" : " (" + label.strip() + ")");
        }
        mails.send(bookings.get(0).getChild().getFamily().getEmail(), "Accueil fermé : réservations annulées",
                text.append("\n\nCe qu'un porte-monnaie avait payé pour ces jours y est recrédité.").toString());
    }

    /** An agent validated or refused ({@code why}: the reason) a booking awaiting validation. */
    public void validation(Booking b, boolean accept, String why) {
        mails.send(b.getChild().getFamily().getEmail(), "Réservation " + (accept ? "validée" : "refusée"),
                "La réservation de " + b.getChild().getFirstName() + " à « " + b.getUnit().getActivity().getName()
                        + " – " + b.getUnit().getLabel() + " » le " + DAY.format(b.getDay()) + " a été "
                        + (accept ? "validée" : "refusée") + " par le service enfance."
                        + (accept ? "" : "\nMotif : " + why + "\nRien n'est facturé pour ce jour."));
    }

    /**
     * An agent accepted or refused the medical certificate of an absence: health data, so the mail says neither
     * "médical" nor the reason (read in Mes demandes), only what it changes for the day.
     */
    public void certificateReviewed(Booking b, boolean accept, String why) {
        String about = "Le justificatif envoyé pour l'absence de " + b.getChild().getFirstName() + " le " + DAY.format(b.getDay());
        if (accept) {
            mails.send(b.getChild().getFamily().getEmail(), "Justificatif d'absence accepté",
                    about + " a été accepté : l'absence est excusée, la journée n'est pas facturée.", "/espace/demandes.xhtml");
        } else {
            mails.send(b.getChild().getFamily().getEmail(), "Justificatif d'absence refusé",
                    about + " n'a pas été accepté ; le motif est dans Mes demandes.\nLa journée reste facturée.",
                    "/espace/demandes.xhtml");
        }
    }
}
