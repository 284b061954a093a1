package fr.portailfamille.platform.billing.sepa;

import fr.portailfamille.billing.sepa.SepaRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A SEPA mandate as pages and the PDF show it. {@code iban} is the full IBAN only for the family itself and for
 * régisseurs; other agents get it masked ({@code FR76 **** **** 0189}).
 */
public record Mandate(long id, long familyId, String familyLabel, String regieCode, String regieLabel, String creditorName,
        String rum, String debtorName, String iban, String bic, String creditorIcs, LocalDate signedOn, String signedBy,
        OffsetDateTime revokedAt, int debits) {

    public boolean active() {
        return revokedAt == null;
    }

    public long getId() { return id; }
    public long getFamilyId() { return familyId; }
    public String getFamilyLabel() { return familyLabel; }
    public String getRegieCode() { return regieCode; }
    public String getRegieLabel() { return regieLabel; }
    public String getCreditorName() { return creditorName; }
    public String getRum() { return rum; }
    public String getDebtorName() { return debtorName; }
    public String getIban() { return iban.contains("*") ? iban : SepaRules.formatIban(iban); }
    public String getBic() { return bic; }
    public String getCreditorIcs() { return creditorIcs; }
    public LocalDate getSignedOn() { return signedOn; }
    public String getSignedBy() { return signedBy; }
    public OffsetDateTime getRevokedAt() { return revokedAt; }
    public boolean isActive() { return active(); }
    public int getDebits() { return debits; }
}
