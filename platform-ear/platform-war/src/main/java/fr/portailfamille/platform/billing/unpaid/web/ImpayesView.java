package fr.portailfamille.platform.billing.unpaid.web;

import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.billing.unpaid.UnpaidDesk;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The unpaid invoices page ({@code agent/impayes.xhtml}): filters (régie, minimum age, titres), age and
 * what is left of each, totals per régie; the reminders due sent at once (régisseurs), and an invoice
 * marked as a titre de recettes (régisseurs; the services check it again).
 */
@Named
@ViewScoped
public class ImpayesView implements Serializable {

    @Inject
    UnpaidDesk desk;

    @Inject
    PaymentDesk payments;

    @Inject
    InvoiceDesk invoices;

    @Inject
    UserView user;

    private String regie;
    private Integer minAge = 0;
    private boolean titres;
    private transient List<UnpaidDesk.Unpaid> unpaid;
    private Long titreInvoice;
    private String ormc;
    private String titreOn = today().toString();

    private static LocalDate today() {
        return PlatformTime.today();
    }

    public List<UnpaidDesk.Unpaid> getUnpaid() {
        if (unpaid == null) {
            unpaid = desk.unpaid(user.require(), regie, minAge == null ? 0 : Math.max(0, minAge), titres, today());
        }
        return unpaid;
    }

    public void filter() {
        unpaid = null;
    }

    public List<UnpaidDesk.RegieTotal> getTotals() {
        return UnpaidDesk.totals(getUnpaid());
    }

    public long getTotalCents() {
        return getUnpaid().stream().mapToLong(UnpaidDesk.Unpaid::outstandingCents).sum();
    }

    public String getDelays() {
        List<Integer> d = desk.delays();
        return d.isEmpty() ? Texts.of("agent.impayes.delays.none")
                : Texts.of("agent.impayes.delays.after", d.stream().map(n -> Texts.of("agent.impayes.delays.days",
                        String.valueOf(n))).collect(Collectors.joining(", ")));
    }

    public void sendReminders() {
        try {
            int sent = desk.sendDue(user.require());
            FormErrors.info(sent == 0 ? Texts.of("agent.impayes.sent.none")
                    : Texts.of("agent.impayes.sent", String.valueOf(sent)));
            unpaid = null;
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public void markTitre() {
        try {
            if (titreInvoice == null) {
                throw new Refused("titreInvoice", Texts.of("agent.impayes.titre.choose"));
            }
            LocalDate on;
            try {
                on = titreOn == null || titreOn.isBlank() ? null : LocalDate.parse(titreOn.strip());
            } catch (DateTimeParseException e) {
                throw new Refused("titreOn", Texts.of("agent.impayes.titre.dateInvalid"));
            }
            FormErrors.info(invoices.markTitre(user.require(), titreInvoice, ormc, on) == null
                    ? Texts.of("agent.titre.paidByCredit") : Texts.of("agent.impayes.titre.done", ormc.strip()));
            titreInvoice = null;
            ormc = null;
            unpaid = null;
        } catch (Refused e) {
            FormErrors.show("titre", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** The unpaid invoices still followed at the counter, for the titre's select: label → id. */
    public Map<String, Long> getTitreCandidates() {
        Map<String, Long> items = new LinkedHashMap<>();
        getUnpaid().stream().filter(u -> !u.isTitre()).forEach(u -> items.put(u.number() + " – " + u.familyLabel() + " – "
                + Texts.amount(u.outstandingCents()), u.invoiceId()));
        return items;
    }

    public Map<String, String> getRegieItems() {
        Map<String, String> items = new LinkedHashMap<>();
        payments.regies(user.require()).forEach((code, label) -> items.put(label, code));
        return items;
    }

    public boolean isRegisseur() {
        return user.require().hasRole(StaffRoles.REGISSEUR);
    }

    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public boolean isTitres() { return titres; }
    public void setTitres(boolean titres) { this.titres = titres; }
    public Long getTitreInvoice() { return titreInvoice; }
    public void setTitreInvoice(Long titreInvoice) { this.titreInvoice = titreInvoice; }
    public String getOrmc() { return ormc; }
    public void setOrmc(String ormc) { this.ormc = ormc; }
    public String getTitreOn() { return titreOn; }
    public void setTitreOn(String titreOn) { this.titreOn = titreOn; }
}
