package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Settlement;
import java.time.LocalDate;

/**
 * An issued invoice or credit note as the family's account reads it: what it bills, what payments and
 * credit notes settled of it, what is left to pay and where it stands ({@link Settlement}).
 */
public record AccountInvoice(long id, String number, String kind, String regieCode, String regieLabel, long familyId,
        LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn, LocalDate dueDate, long totalCents,
        long settledCents, Settlement settlement, String titreNumber, String creditNoteOf) {

    /** What the family still owes on it (0 for a credit note, a cancelled or a paid invoice). */
    public long outstandingCents() {
        return settlement == Settlement.CREDIT_NOTE || settlement == Settlement.CANCELLED
                ? 0 : Math.max(0, totalCents - settledCents);
    }

    public long getId() { return id; }
    public String getNumber() { return number; }
    public String getKind() { return kind; }
    public String getRegieCode() { return regieCode; }
    public String getRegieLabel() { return regieLabel; }
    public long getFamilyId() { return familyId; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getDueDate() { return dueDate; }
    public long getTotalCents() { return totalCents; }
    public long getSettledCents() { return settledCents; }
    public long getOutstandingCents() { return outstandingCents(); }
    public Settlement getSettlement() { return settlement; }
    public String getTitreNumber() { return titreNumber; }
    public String getCreditNoteOf() { return creditNoteOf; }
}
