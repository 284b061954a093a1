package fr.portailfamille.platform.booking.web;

import fr.portailfamille.booking.BookingStatus;

/**
 * A booking's state in words, in French, for the attendance exports (documents of the commune); the day sheet's page
 * reads its words from the bundle ({@code agent.pointage.status.*}, {@link PointageView#statusLabel}). An absence whose
 * certificate awaits review says nothing of a medical reason, in either: « décision du service en attente », not « a
 * proof awaited » (only an illness has one, every agent reads the sheet).
 */
final class AttendanceLabels {

    private AttendanceLabels() {
    }

    static String of(BookingStatus status) {
        return switch (status) {
            case BOOKED -> "Inscrit";
            case BOOKED_LATE -> "Inscrit (hors délai)";
            case WAITING -> "Liste d'attente";
            case PENDING_VALIDATION -> "En attente de validation";
            case CANCELLED_FREE -> "Annulé";
            case ABSENT_EXCUSED -> "Absent excusé";
            case ABSENT_BILLED -> "Absent facturé";
            case PRESENT -> "Présent";
            case REFUSED -> "Refusée";
            case ABSENT_PENDING -> "Absent (décision du service en attente)";
        };
    }
}
