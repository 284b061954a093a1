package fr.portailfamille.platform.payment.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.OnlinePaymentDesk;
import fr.portailfamille.platform.payment.OnlineState;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The régisseurs' page of online payments ({@code agent/paiements-en-ligne.xhtml?etat=}): every online payment of the
 * commune, latest first, filtered by state (a plain GET form), read through {@link OnlinePaymentDesk} (régisseurs
 * only: another agent sees the refusal), and above it the anomalies still to check, each marked checked with what the
 * régie found.
 */
@Named
@RequestScoped
public class PaiementsEnLigneView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    OnlinePaymentDesk desk;

    @Inject
    UserView user;

    private String etat;
    private List<OnlinePaymentDesk.Row> payments;
    private List<OnlinePaymentDesk.Row> toCheck;
    private final Map<Long, String> notes = new HashMap<>();

    /** The chosen state, {@code null} for all (an unknown value counts as all). */
    public OnlineState getState() {
        return Arrays.stream(OnlineState.values()).filter(s -> s.name().equals(etat)).findFirst().orElse(null);
    }

    public List<String> getStates() {
        return Arrays.stream(OnlineState.values()).map(Enum::name).toList();
    }

    public List<OnlinePaymentDesk.Row> getPayments() {
        if (payments == null) {
            try {
                payments = desk.payments(user.require(), getState());
            } catch (SecurityException e) {
                FormErrors.error(Texts.of(e));
                payments = List.of();
            }
        }
        return payments;
    }

    /** The anomalies the régie has still to check (their invoices may not be paid again meanwhile), oldest first. */
    public List<OnlinePaymentDesk.Row> getToCheck() {
        if (toCheck == null) {
            try {
                toCheck = desk.payments(user.require(), OnlineState.ANOMALY).stream()
                        .filter(OnlinePaymentDesk.Row::isToCheck).sorted(java.util.Comparator
                                .comparing(OnlinePaymentDesk.Row::getCreatedAt)).toList();
            } catch (SecurityException e) {
                toCheck = List.of();
            }
        }
        return toCheck;
    }

    /** What the régisseur typed for each anomaly, by online payment id. */
    public Map<Long, String> getNotes() { return notes; }

    /** « Marquer vérifiée »: the anomaly's note saved; its invoice may be paid again. Refusals beside the note. */
    public void check(long id) {
        List<OnlinePaymentDesk.Row> shown = getToCheck();
        try {
            desk.checkAnomaly(user.require(), id, notes.get(id));
            notes.remove(id);
            payments = null;
            toCheck = null;
            FormErrors.info(Texts.of("agent.enligne.checked"));
        } catch (Refused e) {
            int index = shown.stream().map(OnlinePaymentDesk.Row::getId).toList().indexOf(id);
            FormErrors.show("checks", List.of(new FieldError(index < 0 || e.field() == null ? ""
                    : "anomalies[" + index + "]." + e.field(), e.text())));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public int getNoteMax() { return OnlinePaymentDesk.NOTE_MAX; }

    public String when(LocalDateTime at) {
        return at == null ? "" : WHEN.format(at);
    }

    public String getEtat() { return etat; }
    public void setEtat(String etat) { this.etat = etat; }
}
