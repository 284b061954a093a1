package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.mail.FamilyMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The mails of the booking context to families: a seat freed for them, an agent's decisions. */
@ApplicationScoped
public class BookingMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    FamilyMails mails;

    /** A child on the waiting list got a freed seat. */
    public void promoted(Booking b) {
        mails.send(b.getChild().getFamily().getEmail(), "Une place s'est libérée",
                "Une place s'est libérée : " + b.getChild().getFirstName() + " est inscrit(e) à « "
                        + b.getUnit().getActivity().getName() + " – " + b.getUnit().getLabel() + " » le "
                        + DAY.format(b.getDay()) + ".");
    }

    /** An agent validated or refused ({@code why}: the reason) a booking awaiting validation. */
    public void validation(Booking b, boolean accept, String why) {
        mails.send(b.getChild().getFamily().getEmail(), "Réservation " + (accept ? "validée" : "refusée"),
                "La réservation de " + b.getChild().getFirstName() + " à « " + b.getUnit().getActivity().getName()
                        + " – " + b.getUnit().getLabel() + " » le " + DAY.format(b.getDay()) + " a été "
                        + (accept ? "validée" : "refusée") + " par le service enfance."
                        + (accept ? "" : "\nMotif : " + why + "\nRien n'est facturé pour ce jour."));
    }

    /** An agent accepted or refused ({@code why}: the reason) the medical certificate of an absence. */
    public void certificateReviewed(Booking b, boolean accept, String why) {
        String about = "Le certificat envoyé pour l'absence de " + b.getChild().getFirstName() + " le " + DAY.format(b.getDay());
        if (accept) {
            mails.send(b.getChild().getFamily().getEmail(), "Certificat médical accepté",
                    about + " a été accepté : l'absence est excusée, la journée n'est pas facturée.");
        } else {
            mails.send(b.getChild().getFamily().getEmail(), "Certificat médical refusé",
                    about + " n'a pas été accepté : " + why + ".\nLa journée reste facturée.");
        }
    }
}
