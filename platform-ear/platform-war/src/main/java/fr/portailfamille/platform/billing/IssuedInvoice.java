package fr.portailfamille.platform.billing;

import java.time.LocalDate;

/** An invoice or credit note of a régie, as listed to the staff. */
public record IssuedInvoice(long id, String number, String kind, long familyId, String familyLabel, long totalCents,
        LocalDate periodStart, LocalDate periodEnd, String creditNoteOf, String state) {

    public long getId() { return id; }
    public String getNumber() { return number; }
    public String getKind() { return kind; }
    public String getFamilyLabel() { return familyLabel; }
    public long getTotalCents() { return totalCents; }
    public String getCreditNoteOf() { return creditNoteOf; }
    public String getState() { return state; }
}
