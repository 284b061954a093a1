package fr.portailfamille.platform.payment.web;

import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.payment.PaymentProviderException;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * "Payer" on an unpaid invoice (Mes factures, Accueil, relevé; {@code WEB-INF/templates/payer.xhtml}): shown for an
 * invoice of a régie that takes payments online, else the family is told to pay the régie. The button posts (a Faces
 * form: its view state guards against other sites) the invoice's id; {@link OnlinePayments#start} checks it is the
 * family's own open invoice with no payment pending, then the browser is sent to PayFiP's page. A refusal (the
 * invoice's state, another family's invoice, PayFiP's answer) is shown at the top of the page in its language.
 */
@Named
@RequestScoped
public class PayerView {

    /** The request parameter carrying the invoice's id. */
    static final String INVOICE_PARAMETER = "facture";

    @Inject
    OnlinePayments payments;

    @Inject
    FamilyAccount account;

    @Inject
    UserView user;

    @Inject
    fr.portailfamille.platform.billing.sepa.DirectDebits directDebits;

    private Set<String> onlineRegies;
    /** Invoice id → the day its planned direct debit is collected (the family's, read once per page). */
    private java.util.Map<Long, java.time.LocalDate> plannedDebits;
    private List<AccountInvoice> unpaid;
    private java.util.Map<Long, Boolean> checkingById;

    private Set<String> onlineRegies() {
        if (onlineRegies == null) {
            onlineRegies = payments.onlineRegies();
        }
        return onlineRegies;
    }

    /**
     * Whether {@code invoice}'s last online payment is in anomaly, being checked by the régie: no « Payer » (the card may
     * have been charged), the page says to wait. Read once per page, for the invoices it shows left to pay.
     */
    public boolean checking(AccountInvoice invoice) {
        if (invoice == null || !invoice.settlement().payableHere() || invoice.outstandingCents() <= 0) {
            return false;
        }
        if (checkingById == null) {
            checkingById = new java.util.HashMap<>();
        }
        return checkingById.computeIfAbsent(invoice.id(), id -> payments.beingChecked(List.of(id)).contains(id));
    }

    /**
     * The day {@code invoice}'s planned direct debit is collected, as the invoice's mail and Mes factures say (« sera
     * prélevée le … »), or {@code null}: neither « Payer » nor « à régler auprès de la régie » beside it, where Accueil
     * and the relevé asked the family to pay what the bank will take. A debit rejected is no longer planned.
     */
    public java.time.LocalDate debitOn(AccountInvoice invoice) {
        if (invoice == null || !invoice.settlement().payableHere() || invoice.outstandingCents() <= 0) {
            return null;
        }
        if (plannedDebits == null) {
            plannedDebits = new java.util.HashMap<>();
            SignedInUser u = user.isSignedIn() ? user.require() : null;
            if (u != null && !StaffRoles.isStaff(u)) {
                directDebits.notes(u, null).forEach((id, note) -> {
                    if (!note.rejected()) {
                        plannedDebits.put(id, note.day());
                    }
                });
            }
        }
        return plannedDebits.get(invoice.id());
    }

    /** {@link #debitOn} in words, dd/MM/yyyy. */
    public String debitOnText(AccountInvoice invoice) {
        java.time.LocalDate day = debitOn(invoice);
        return day == null ? "" : fr.portailfamille.platform.billing.BillingDates.text(day);
    }

    /** Whether {@code invoice} may be paid online now: something left (1 € at least), its régie takes PayFiP. */
    public boolean online(AccountInvoice invoice) {
        return invoice != null && !checking(invoice) && debitOn(invoice) == null && invoice.settlement().payableHere()
                && invoice.outstandingCents() >= OnlinePayments.MIN_CENTS
                && invoice.outstandingCents() <= OnlinePayments.MAX_CENTS && onlineRegies().contains(invoice.regieCode());
    }

    /** Whether {@code invoice} is left to pay but not online: the family pays the régie as the invoice says. */
    public boolean counter(AccountInvoice invoice) {
        return invoice != null && invoice.settlement().payableHere() && invoice.outstandingCents() > 0 && !online(invoice)
                && !checking(invoice) && debitOn(invoice) == null;
    }

    /** The parent's invoices with something left to pay, latest first (the relevé's "à régler"; none for staff). */
    public List<AccountInvoice> getUnpaid() {
        if (unpaid == null) {
            SignedInUser u = user.isSignedIn() ? user.require() : null;
            unpaid = u == null || StaffRoles.isStaff(u) ? List.of() : account.overview(u, null).unpaid();
        }
        return unpaid;
    }

    /** Starts the online payment of the posted invoice and sends the browser to PayFiP; a refusal stays on the page. */
    public String pay() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        String raw = ctx.getExternalContext().getRequestParameterMap().get(INVOICE_PARAMETER);
        long invoice;
        try {
            invoice = Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            FormErrors.error(Texts.of("payer.notYours"));
            return null;
        }
        try {
            OnlinePayments.Started started = payments.start(user.require(), invoice);
            ctx.getExternalContext().redirect(started.pageUrl());
            ctx.responseComplete();
        } catch (Refused | SecurityException | PaymentProviderException e) {
            FormErrors.error(Texts.of(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
