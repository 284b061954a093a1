package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A régie being edited; the code of a saved régie stays (its invoices and counters hang on it). How it collects
 * (PayFiP number, overdraft allowed on a porte-monnaie in euros, SEPA creditor) is kept as typed and read at the save
 * ({@link #toRegie(String, List)}).
 */
public class RegieRow implements Serializable {
    private String code;
    private final boolean fresh;
    private String label;
    private String invoicePrefix;
    private String managerName;
    private String managerEmail;
    private String managerPhone;
    private List<String> activities = new ArrayList<>();
    private String paymentInstructions;
    private String payfipNumcli;
    private String collection = Regie.Collection.INVOICE.name();
    private String walletOverdraft = "0";
    private String sepaCreditorId;
    private String sepaName;
    private String sepaIban;
    private String sepaBic;
    private String sepaDebitDay;

    /** A régie added on this screen. */
    public RegieRow() {
        fresh = true;
    }

    private RegieRow(Regie r) {
        fresh = false;
        code = r.code();
        label = r.label();
        invoicePrefix = r.invoicePrefix();
        managerName = r.managerName();
        managerEmail = r.managerEmail();
        managerPhone = r.managerPhone();
        activities = new ArrayList<>(r.activities());
        paymentInstructions = r.paymentInstructions();
        payfipNumcli = r.payfipNumcli();
        collection = r.collection().name();
        walletOverdraft = FormValues.euros(-r.walletFloorCents());
        if (r.sepa() != null) {
            sepaCreditorId = r.sepa().creditorId();
            sepaName = r.sepa().name();
            sepaIban = r.sepa().iban();
            sepaBic = r.sepa().bic();
            sepaDebitDay = String.valueOf(r.sepa().debitDay());
        }
    }

    public static RegieRow of(Regie r) {
        return new RegieRow(r);
    }

    /**
     * The régie as typed: codes upper case, identifiers without spaces, blank optional texts absent, no SEPA
     * creditor when its five fields are blank. An overdraft or a debit day that cannot be read is an error at
     * {@code at}'s field ("regies[0].walletOverdraft").
     */
    public Regie toRegie(String at, List<FieldError> errors) {
        Long overdraft = FormValues.euros(walletOverdraft, at + ".walletOverdraft", errors);
        return new Regie(FormValues.upper(FormValues.blankToNull(code)), FormValues.blankToNull(label),
                FormValues.upper(FormValues.blankToNull(invoicePrefix)), FormValues.blankToNull(managerName),
                FormValues.blankToNull(managerEmail), FormValues.blankToNull(managerPhone),
                activities == null ? List.of() : List.copyOf(activities), FormValues.blankToNull(paymentInstructions),
                SepaCreditor.compact(FormValues.blankToNull(payfipNumcli)),
                Regie.Collection.WALLET.name().equals(collection) ? Regie.Collection.WALLET : Regie.Collection.INVOICE,
                overdraft == null ? 0 : -overdraft, sepa(at, errors));
    }

    private SepaCreditor sepa(String at, List<FieldError> errors) {
        String day = FormValues.blankToNull(sepaDebitDay);
        if (FormValues.blankToNull(sepaCreditorId) == null && FormValues.blankToNull(sepaName) == null
                && FormValues.blankToNull(sepaIban) == null && FormValues.blankToNull(sepaBic) == null && day == null) {
            return null;
        }
        int debitDay = 0;
        if (day != null && day.strip().matches("\\d{1,2}")) {
            debitDay = Integer.parseInt(day.strip());
        } else if (day != null) {
            errors.add(new FieldError(at + ".sepaDebitDay", Texts.of("agent.config.error.debitDay")));
        }
        return new SepaCreditor(SepaCreditor.compact(FormValues.blankToNull(sepaCreditorId)), FormValues.blankToNull(sepaName),
                SepaCreditor.compact(FormValues.blankToNull(sepaIban)), SepaCreditor.compact(FormValues.blankToNull(sepaBic)),
                debitDay);
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    /** A régie added on this screen, whose code can still be chosen. */
    public boolean isFresh() { return fresh; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getInvoicePrefix() { return invoicePrefix; }
    public void setInvoicePrefix(String v) { invoicePrefix = v; }
    public String getManagerName() { return managerName; }
    public void setManagerName(String v) { managerName = v; }
    public String getManagerEmail() { return managerEmail; }
    public void setManagerEmail(String v) { managerEmail = v; }
    public String getManagerPhone() { return managerPhone; }
    public void setManagerPhone(String v) { managerPhone = v; }
    public List<String> getActivities() { return activities; }
    public void setActivities(List<String> v) { activities = v; }
    public String getPaymentInstructions() { return paymentInstructions; }
    public void setPaymentInstructions(String v) { paymentInstructions = v; }
    public String getPayfipNumcli() { return payfipNumcli; }
    public void setPayfipNumcli(String v) { payfipNumcli = v; }
    public String getCollection() { return collection; }
    public void setCollection(String v) { collection = v; }
    /** The overdraft allowed on a porte-monnaie, in euros as typed: the opposite of the régie's floor. */
    public String getWalletOverdraft() { return walletOverdraft; }
    public void setWalletOverdraft(String v) { walletOverdraft = v; }
    public String getSepaCreditorId() { return sepaCreditorId; }
    public void setSepaCreditorId(String v) { sepaCreditorId = v; }
    public String getSepaName() { return sepaName; }
    public void setSepaName(String v) { sepaName = v; }
    public String getSepaIban() { return sepaIban; }
    public void setSepaIban(String v) { sepaIban = v; }
    public String getSepaBic() { return sepaBic; }
    public void setSepaBic(String v) { sepaBic = v; }
    public String getSepaDebitDay() { return sepaDebitDay; }
    public void setSepaDebitDay(String v) { sepaDebitDay = v; }
}
