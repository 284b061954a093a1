package fr.portailfamille.platform.billing.sepa.web;

import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.payment.MoneyRefused;
import fr.portailfamille.platform.billing.sepa.Mandate;
import fr.portailfamille.platform.billing.sepa.Mandates;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prélèvement automatique ({@code espace/prelevement.xhtml}): the family's SEPA mandates (RUM, account, creditor,
 * date; PDF; revoke) and the form that signs one for a régie that collects by direct debit, the IBAN prefilled from
 * the family file (where the bank details of a change request end up once accepted). Every problem is shown next to
 * its field.
 */
@Named
@ViewScoped
public class PrelevementView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Mandates mandates;

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private String regie;
    private String debtorName;
    private String iban;
    private String bic;
    private boolean accepted;
    private transient List<Mandate> mine;
    private transient List<Mandates.Creditor> creditors;
    private boolean prefilled;

    public List<Mandate> getMandates() {
        if (mine == null) {
            mine = staff() ? List.of() : mandates.mine(user.require());
        }
        return mine;
    }

    public List<Mandates.Creditor> getCreditors() {
        if (creditors == null) {
            creditors = staff() ? List.of() : mandates.creditors(user.require());
        }
        return creditors;
    }

    /** Label → code of the régies the family may still sign for (none active yet). */
    public Map<String, String> getRegieItems() {
        Map<String, String> items = new LinkedHashMap<>();
        for (Mandates.Creditor c : getCreditors()) {
            if (getMandates().stream().noneMatch(m -> m.active() && m.regieCode().equals(c.code()))) {
                items.put(c.label() + " (ICS " + c.ics() + ")", c.code());
            }
        }
        return items;
    }

    public void sign() {
        try {
            Mandate m = mandates.sign(user.require(), new Mandates.Signature(regie, debtorName, iban, bic, accepted));
            mine = null;
            regie = null;
            accepted = false;
            FormErrors.info(Texts.of("sepa.family.signed", m.rum(), m.regieLabel()));
        } catch (MoneyRefused e) {
            FormErrors.show("sign", e.errors());
        } catch (Refused e) {
            FormErrors.show("sign", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        }
    }

    public void revoke(long mandateId) {
        try {
            mandates.revoke(user.require(), mandateId);
            mine = null;
            FormErrors.info(Texts.of("sepa.family.revoked"));
        } catch (Refused | SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public boolean staff() {
        return StaffRoles.isStaff(user.require());
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    private void prefill() {
        if (!prefilled && !staff()) {
            prefilled = true;
            try {
                var form = files.formOf(user.require());
                if (form != null) {
                    iban = iban == null ? form.getIban() : iban;
                    debtorName = debtorName == null ? form.getAccountHolder() : debtorName;
                }
            } catch (RuntimeException e) {
                // no family file yet: nothing to prefill
            }
            if (debtorName == null) {
                debtorName = user.require().name();
            }
        }
    }

    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; }
    public String getDebtorName() { prefill(); return debtorName; }
    public void setDebtorName(String debtorName) { prefilled = true; this.debtorName = debtorName; }
    public String getIban() { prefill(); return iban; }
    public void setIban(String iban) { prefilled = true; this.iban = iban; }
    public String getBic() { return bic; }
    public void setBic(String bic) { this.bic = bic; }
    public boolean isAccepted() { return accepted; }
    public void setAccepted(boolean accepted) { this.accepted = accepted; }
}
