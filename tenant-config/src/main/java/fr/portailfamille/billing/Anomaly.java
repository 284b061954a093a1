package fr.portailfamille.billing;

/** What an agent should look at before issuing invoices (shown in the invoicing run's preview). */
public enum Anomaly {
    /** Billed at the maximum tariff because the QF (or resources) is missing, undated or expired. */
    QF_MISSING("Quotient familial absent ou périmé"),
    /** A child came without a booking. */
    UNBOOKED_PRESENCE("Présence sans réservation"),
    /** A booked day without pointage, billed as booked. */
    NOT_RECORDED("Réservation sans pointage"),
    /** No tariff in force for the unit-day. */
    NO_TARIFF("Aucun tarif en vigueur");

    private final String label;

    Anomaly(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
