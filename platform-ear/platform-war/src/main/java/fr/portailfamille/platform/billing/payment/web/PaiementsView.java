package fr.portailfamille.platform.billing.payment.web;

import fr.portailfamille.billing.Allocations;
import fr.portailfamille.platform.billing.payment.MoneyRefused;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter's payments page ({@code agent/paiements.xhtml?famille=…&regie=…}): find the family, type the
 * payment, see it spread over the family's open invoices oldest first and edit it, record it (régisseurs;
 * the service checks it again) and print its receipt; the payments of a period, each with its receipt and
 * a cancellation with its reason.
 */
@Named
@ViewScoped
public class PaiementsView implements Serializable {

    @Inject
    PaymentDesk desk;

    @Inject
    FamilyDesk families;

    @Inject
    UserView user;

    /** One open invoice in the allocation editor. */
    public static class Row implements Serializable {
        private final long invoiceId;
        private final String number;
        private final LocalDate dueDate;
        private final long outstandingCents;
        private String amount;

        Row(Allocations.Open o, Long cents) {
            invoiceId = o.invoiceId();
            number = o.number();
            dueDate = o.dueDate();
            outstandingCents = o.outstandingCents();
            amount = cents == null ? "" : Amounts.typed(cents);
        }

        public long getInvoiceId() { return invoiceId; }
        public String getNumber() { return number; }
        public LocalDate getDueDate() { return dueDate; }
        public String getOutstanding() { return Texts.amount(outstandingCents); }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }

    private String query;
    private transient List<Family> found;
    private Long famille;
    private String familyLabel;
    private String regie;
    private String mode = "ESPECES";
    private String amount;
    private String receivedOn = PlatformTime.today().toString();
    private String chequeNumber;
    private String bank;
    private String payer;
    private List<Row> rows = new ArrayList<>();
    private String from = PlatformTime.today().toString();
    private String to = from;
    private Long cancelId;
    private String cancelReason;
    private Long lastPayment;
    private String formToken = FormTokens.next();
    private String lastReceipt;

    public void load() {
        if ((regie == null || regie.isBlank()) && famille != null) {
            // from the family file: the régie it owes first (the alphabetically first one made its money credit there)
            regie = desk.regieOwedFirst(user.require(), famille).orElse(null);
        }
        if (regie == null || regie.isBlank()) {
            regie = getRegies().keySet().stream().findFirst().orElse(null);
        }
        if (famille != null) {
            choose(famille);
        }
    }

    public void search() {
        found = query == null || query.isBlank() ? List.of() : families.search(user.require(), query);
    }

    public void choose(long familyId) {
        famille = familyId;
        String label = desk.familyLabel(user.require(), familyId);
        if (label == null) {
            famille = null;
            FormErrors.error(Texts.of("agent.paiements.family.unknown"));
            return;
        }
        familyLabel = label;
        found = null;
        spread();
    }

    /** The family's open invoices with the amount spread oldest first (or nothing when no amount is typed). */
    public void spread() {
        if (famille == null || regie == null) {
            rows = new ArrayList<>();
            return;
        }
        try {
            Long cents = Amounts.cents("amount", amount);
            List<Allocations.Open> open = desk.open(user.require(), famille, regie);
            Map<Long, Long> suggested = cents == null ? Map.of() : Allocations.oldestFirst(open, cents);
            rows = new ArrayList<>(open.stream().map(o -> new Row(o, suggested.get(o.invoiceId()))).toList());
        } catch (Refused e) {
            FormErrors.show("pay", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        }
    }

    public void record() {
        try {
            Map<Long, Long> allocation = new LinkedHashMap<>();
            List<FieldError> typing = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                try {
                    Long cents = Amounts.cents("alloc[" + i + "].amount", rows.get(i).getAmount());
                    allocation.put(rows.get(i).getInvoiceId(), cents == null ? 0L : cents);
                } catch (Refused e) {
                    typing.add(new FieldError(e.field(), Texts.of(e)));
                }
            }
            Long cents = null;
            try {
                cents = Amounts.cents("amount", amount);
            } catch (Refused e) {
                typing.add(new FieldError("amount", Texts.of(e)));
            }
            LocalDate on = null;
            try {
                on = Amounts.date("receivedOn", receivedOn);
            } catch (Refused e) {
                typing.add(new FieldError("receivedOn", Texts.of(e)));
            }
            if (!typing.isEmpty()) {
                FormErrors.show("pay", typing);
                return;
            }
            // no amount typed against any invoice ("Répartir" not asked): the service spreads it oldest first — sent as
            // zeros, the whole payment went to the family's credit and its invoices stayed unpaid
            boolean allocated = rows.stream().anyMatch(r -> r.getAmount() != null && !r.getAmount().isBlank());
            PaymentDesk.Recorded done = desk.record(user.require(), new PaymentDesk.PaymentInput(famille, regie, mode, cents, on,
                    chequeNumber, bank, payer, allocated ? allocation : null, formToken));
            formToken = FormTokens.next();
            lastPayment = done.paymentId();
            lastReceipt = done.receiptNumber();
            String text = done.creditCents() > 0
                    ? Texts.of("agent.paiements.recorded.credit", done.receiptNumber(),
                            Texts.amount(done.allocatedCents()), Texts.amount(done.creditCents()))
                    : Texts.of("agent.paiements.recorded", done.receiptNumber(), Texts.amount(done.allocatedCents()));
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
            amount = null;
            chequeNumber = null;
            bank = null;
            payer = null;
            spread();
        } catch (MoneyRefused e) {
            FormErrors.show("pay", e.errors().stream().map(this::onRow).toList());
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                // recorded by the first sending: the form is emptied as after it
                formToken = FormTokens.next();
                FormErrors.error(Texts.of(e));
                amount = null;
                chequeNumber = null;
                bank = null;
                payer = null;
                spread();
                return;
            }
            FormErrors.show("pay", List.of(onRow(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e)))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** The form's one-time token ({@link FormTokens}): a payment sent twice (double click, page reloaded) is recorded once. */
    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }

    /** {@code allocation[<invoice id>]} is shown next to that invoice's row of the editor. */
    private FieldError onRow(FieldError e) {
        if (e.field().startsWith("allocation[")) {
            long invoice = Long.parseLong(e.field().substring("allocation[".length(), e.field().length() - 1));
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getInvoiceId() == invoice) {
                    return new FieldError("alloc[" + i + "].amount", e.text());
                }
            }
            return new FieldError("", e.text());
        }
        return e;
    }

    public void cancel() {
        try {
            if (cancelId == null) {
                throw new Refused("cancelId", Texts.of("agent.paiements.cancel.choose"));
            }
            desk.cancel(user.require(), cancelId, cancelReason);
            FormErrors.info(Texts.of("agent.paiements.cancel.done"));
            cancelId = null;
            cancelReason = null;
            spread();
        } catch (Refused e) {
            FormErrors.show("cancel", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** "Afficher": the period's dates checked, a date not read or an end before the start said next to its field. */
    public void show() {
        try {
            period();
        } catch (Refused e) {
            FormErrors.show("list", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        }
    }

    /** The period listed: the dates typed, the last 30 days by default. */
    private LocalDate[] period() {
        LocalDate f = Amounts.date("from", from);
        LocalDate t = Amounts.date("to", to);
        LocalDate start = f == null ? PlatformTime.today().minusDays(30) : f;
        LocalDate end = t == null ? PlatformTime.today() : t;
        if (end.isBefore(start)) {
            throw new Refused("to", Texts.of("agent.paiements.period.reversed"));
        }
        return new LocalDate[] {start, end};
    }

    /** The payments of the period; none while its dates are refused ({@link #show} says why). */
    public List<PaymentDesk.PaymentRow> getPayments() {
        try {
            LocalDate[] period = period();
            return desk.payments(user.require(), period[0], period[1], null, null);
        } catch (Refused e) {
            return List.of();
        }
    }

    /** What came in over the period: the payments not cancelled, and the porte-monnaie's money ({@link #getWalletCents}). */
    public long getPaymentsTotalCents() {
        return getPayments().stream().filter(p -> !p.cancelled()).mapToLong(PaymentDesk.PaymentRow::amountCents).sum()
                + getWalletCents();
    }

    /** The porte-monnaie's money of the period: top-ups less withdrawals (in the total, listed in the export). */
    public long getWalletCents() {
        try {
            LocalDate[] period = period();
            return desk.walletMoney(user.require(), period[0], period[1]);
        } catch (Refused e) {
            return 0;
        }
    }

    public Map<String, String> getRegies() {
        return desk.regies(user.require());
    }

    /** The régies for a select: label → code. */
    public Map<String, String> getRegieItems() {
        Map<String, String> items = new LinkedHashMap<>();
        getRegies().forEach((code, label) -> items.put(label, code));
        return items;
    }

    /**
     * The modes of a payment at the counter for a select: label → code
     * ({@code PaymentModes}' labels, in the page's language).
     */
    public Map<String, String> getModes() {
        return Texts.choices("agent.paiements.mode.", "ESPECES", "CHEQUE", "CESU", "VIREMENT", "CARTE_GUICHET");
    }

    public long getCreditCents() {
        if (famille == null || regie == null) {
            return 0;
        }
        try {
            return desk.credit(user.require(), famille, regie);
        } catch (Refused e) {
            return 0; // a régie the link names that is none of the commune's (an old bookmark): told beside it by load()
        }
    }

    public boolean isRegisseur() {
        return user.require().hasRole(StaffRoles.REGISSEUR);
    }

    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<Family> getFound() { return found; }
    public Long getFamille() { return famille; }
    public void setFamille(Long famille) { this.famille = famille; }
    public String getFamilyLabel() { return familyLabel; }
    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getReceivedOn() { return receivedOn; }
    public void setReceivedOn(String receivedOn) { this.receivedOn = receivedOn; }
    public String getChequeNumber() { return chequeNumber; }
    public void setChequeNumber(String chequeNumber) { this.chequeNumber = chequeNumber; }
    public String getBank() { return bank; }
    public void setBank(String bank) { this.bank = bank; }
    public String getPayer() { return payer; }
    public void setPayer(String payer) { this.payer = payer; }
    public List<Row> getRows() { return rows; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public Long getCancelId() { return cancelId; }
    public void setCancelId(Long cancelId) { this.cancelId = cancelId; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public Long getLastPayment() { return lastPayment; }
    public String getLastReceipt() { return lastReceipt; }

    /** A payment's mode (with its cheque) in the page's language. */
    public String mode(PaymentDesk.PaymentRow p) {
        return Texts.of(p.modeText());
    }
}
