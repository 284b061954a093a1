package fr.portailfamille.platform.billing.payment.web;

import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.kernel.PlatformTime;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice as agents follow it ({@code agent/facture.xhtml?id=}): lines, payments, credit notes,
 * reminders, titre; a régisseur credits days of its lines or an amount, uses the family's credit on it,
 * or marks it as a titre de recettes (the services check the role again).
 */
@Named
@ViewScoped
public class FactureView implements Serializable {

    @Inject
    InvoiceDesk desk;

    @Inject
    PaymentDesk payments;

    @Inject
    UserView user;

    @Inject
    fr.portailfamille.platform.billing.sepa.DirectDebits directDebits;

    private Long id;
    private transient InvoiceDesk.Detail detail;
    private final Map<Long, Integer> days = new HashMap<>();
    private String creditAmount;
    private String reason;
    private String useAmount;
    private String ormc;
    private String titreOn = PlatformTime.today().toString();
    private boolean missing;

    public void load() {
        if (id == null) {
            missing = true;
            return;
        }
        try {
            detail = desk.detail(user.require(), id);
        } catch (SecurityException | Refused e) {
            missing = true;
        }
    }

    public InvoiceDesk.Detail getDetail() {
        if (detail == null && id != null && !missing) {
            load();
        }
        return detail;
    }

    /** "Prélevé le …" or the bank's reject when the invoice is paid by direct debit, else {@code null}. */
    /** The invoice's direct debit in the page's language ("Prélevé le …", or rejected with the bank's reason), or null. */
    public String getDebitNote() {
        InvoiceDesk.Detail d = getDetail();
        if (d == null) {
            return null;
        }
        if (debitNoteOf != d) {
            var note = directDebits.notes(user.require(), d.invoice().familyId()).get(id);
            debitNote = note == null ? null : fr.portailfamille.platform.billing.sepa.web.RejectReasonWords.note(note);
            debitNoteOf = d;
        }
        return debitNote;
    }

    /** {@link #getDebitNote()} as read for the detail {@link #debitNoteOf} (the page asks twice). */
    private transient String debitNote;
    private transient InvoiceDesk.Detail debitNoteOf;

    public void creditNote() {
        try {
            long note = desk.creditNote(user.require(), id, days, Amounts.cents("creditAmount", creditAmount), reason);
            FormErrors.info(Texts.of("agent.facture.note.done", Texts.amount(noteTotal(note))));
            days.clear();
            creditAmount = null;
            reason = null;
            detail = null;
        } catch (Refused e) {
            FormErrors.show("note", List.of(new FieldError(field(e.field()), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    private long noteTotal(long note) {
        return desk.detail(user.require(), note).invoice().totalCents();
    }

    /** {@code lines[<line id>]} is shown next to that line's input. */
    private String field(String f) {
        if (f == null || "lines".equals(f)) {
            return "";
        }
        if ("amount".equals(f)) {
            return "creditAmount";
        }
        if (f.startsWith("lines[")) {
            long line = Long.parseLong(f.substring(6, f.length() - 1));
            List<InvoiceDesk.Line> lines = getDetail().lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).id() == line) {
                    return "line[" + i + "].days";
                }
            }
            return "";
        }
        return f;
    }

    public void useCredit() {
        try {
            Long cents = Amounts.cents("useAmount", useAmount);
            if (cents == null) {
                throw new Refused("useAmount", Texts.of("agent.facture.useCredit.missing"));
            }
            payments.useCredit(user.require(), id, cents);
            FormErrors.info(Texts.of("agent.facture.useCredit.done", Texts.amount(cents)));
            useAmount = null;
            detail = null;
        } catch (Refused e) {
            FormErrors.show("credit", List.of(new FieldError("creditAmount".equals(e.field()) ? "useAmount" : field(e.field()), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public void markTitre() {
        try {
            FormErrors.info(desk.markTitre(user.require(), id, ormc, Amounts.date("titreOn", titreOn)) == null
                    ? Texts.of("agent.titre.paidByCredit") : Texts.of("agent.facture.titre.done", ormc.strip()));
            ormc = null;
            detail = null;
        } catch (Refused e) {
            FormErrors.show("titre", List.of(new FieldError(field(e.field()), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public String state(fr.portailfamille.billing.Settlement s) {
        return switch (s) {
            case PAID -> Texts.of("agent.facture.state.paid");
            case PARTLY_PAID -> Texts.of("agent.facture.state.partly");
            case UNPAID -> Texts.of("agent.facture.state.unpaid");
            case TITRE_EMIS -> Texts.of("agent.facture.state.titre", getDetail().invoice().titreNumber());
            case CANCELLED -> Texts.of("agent.facture.state.cancelled");
            case CREDIT_NOTE -> Texts.of("agent.facture.state.credit");
        };
    }

    public boolean isRegisseur() {
        return user.require().hasRole(StaffRoles.REGISSEUR);
    }

    public boolean isOpenHere() {
        return getDetail() != null && getDetail().invoice().settlement().payableHere();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public boolean isMissing() { return missing; }
    public Map<Long, Integer> getDays() { return days; }
    public String getCreditAmount() { return creditAmount; }
    public void setCreditAmount(String creditAmount) { this.creditAmount = creditAmount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getUseAmount() { return useAmount; }
    public void setUseAmount(String useAmount) { this.useAmount = useAmount; }
    public String getOrmc() { return ormc; }
    public void setOrmc(String ormc) { this.ormc = ormc; }
    public String getTitreOn() { return titreOn; }
    public void setTitreOn(String titreOn) { this.titreOn = titreOn; }
}
