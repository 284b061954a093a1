package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.mail.FamilyMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The mails of the booking context to families: a seat freed for them, an agent's decisions. */
@ApplicationScoped
public class BookingMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    /** Mon planning, where a family finds its days. */
    private static final String PLANNING = "/espace/planning.xhtml";

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
                PLANNING);
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
     * An agent booked days for the family at the counter (what it asked at the town hall or on the phone): the unit,
     * the weekdays and the period asked, and what became of them in the words the family reads in its own planning, so
     * that a day misheard on the phone is seen at once.
     */
    public void bookedAtCounter(Child child, ActivityUnit unit, LocalDate from, LocalDate to, Set<DayOfWeek> weekdays,
                                String summary) {
        mails.send(child.getFamily().getEmail(), "Réservations enregistrées par la mairie",
                "À votre demande, la mairie a enregistré pour " + child.getFirstName() + " « "
                        + unit.getActivity().getName() + " – " + unit.getLabel() + " » " + days(from, to, weekdays)
                        + " :\n" + summary + "\nLes jours réservés sont dans Mon planning, où vous pouvez les annuler"
                        + " tant que le délai d'annulation court.", PLANNING);
    }

    /** "le lundi 4 janvier 2027", or "les lundis et jeudis du lundi 4 janvier 2027 au vendredi 29 janvier 2027". */
    static String days(LocalDate from, LocalDate to, Set<DayOfWeek> weekdays) {
        if (from.equals(to)) {
            return "le " + DAY.format(from);
        }
        List<String> names = new java.util.TreeSet<>(weekdays).stream()
                .map(d -> d.getDisplayName(TextStyle.FULL, Locale.FRENCH) + "s").toList();
        String which = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " et " + names.get(names.size() - 1);
        return (names.isEmpty() ? "" : "les " + which + " ") + "du " + DAY.format(from) + " au " + DAY.format(to);
    }

    /** An agent cancelled a booking at the family's request: the day, and what it comes to ({@code outcome}: billed or not). */
    public void cancelledAtCounter(Booking b, String outcome) {
        changedAtCounter(b, "Réservation annulée", "a annulé la réservation", outcome, null, PLANNING);
    }

    /**
     * An agent recorded the absence the family phoned in: billed, and until when a justificatif may still excuse it
     * ({@code certificateBy}; {@code null}: its tariff bills no unexcused absence, said not billed) — the same words whatever the reason, which the mail never tells (an illness is health
     * data, and a mail may be read by others than the family); Mes demandes links the absence's page when a
     * certificate may still be sent.
     */
    public void absentAtCounter(Booking b, LocalDate certificateBy) {
        if (certificateBy == null) {
            // its tariff bills no unexcused absence
            changedAtCounter(b, "Absence enregistrée", "a enregistré l'absence", "Elle n'est pas facturée.", null, PLANNING);
            return;
        }
        changedAtCounter(b, "Absence enregistrée", "a enregistré l'absence", "La journée reste facturée.",
                "Si cette absence peut être excusée par un justificatif, envoyez-le depuis Mes demandes au plus tard le "
                        + DAY.format(certificateBy) + ", avant la facturation du mois ; accepté, la journée ne sera pas"
                        + " facturée.", "/espace/demandes.xhtml");
    }

    private void changedAtCounter(Booking b, String subject, String done, String outcome, String followUp, String page) {
        mails.send(b.getChild().getFamily().getEmail(), subject + " par la mairie",
                "À votre demande, la mairie " + done + " de " + b.getChild().getFirstName() + " à « "
                        + b.getUnit().getActivity().getName() + " – " + b.getUnit().getLabel() + " » le "
                        + DAY.format(b.getDay()) + ".\n" + outcome + (followUp == null ? "" : "\n" + followUp), page);
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
