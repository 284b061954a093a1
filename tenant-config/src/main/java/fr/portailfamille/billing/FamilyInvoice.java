package fr.portailfamille.billing;

import java.util.List;
import java.util.Map;

/**
 * One family's draft invoice for a régie and a period, with what the agent should check.
 *
 * @param familyId the family
 * @param familyLabel the family's name as printed
 * @param draft the lines and total ({@code InvoiceCalculator})
 * @param anomalies one French note per thing to check (QF missing once, each unbooked presence, each
 *     booked day without pointage, each day without tariff)
 * @param childNames children's printed names by id
 * @param unitIds unit ids by "activity/unit" codes, to record the billed days
 */
public record FamilyInvoice(long familyId, String familyLabel, InvoiceDraft draft, List<String> anomalies,
        Map<Long, String> childNames, Map<String, Long> unitIds) {

    public FamilyInvoice {
        anomalies = List.copyOf(anomalies);
        childNames = Map.copyOf(childNames);
        unitIds = Map.copyOf(unitIds);
    }

    // JavaBean getters: Jakarta EL 5 does not read record components
    public long getFamilyId() { return familyId; }
    public String getFamilyLabel() { return familyLabel; }
    public long getTotalCents() { return draft.totalCents(); }
    public int getAnomalyCount() { return anomalies.size(); }
    public String getAnomalyText() { return String.join(" ; ", anomalies); }
}
