package fr.portailfamille.platform.payment.web;

import fr.portailfamille.platform.payment.OnlinePaymentDesk;
import fr.portailfamille.platform.payment.OnlineState;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The régisseurs' page of online payments ({@code agent/paiements-en-ligne.xhtml?etat=}): every online payment of the
 * commune, latest first, filtered by state (a plain GET form), read through {@link OnlinePaymentDesk} (régisseurs
 * only: another agent sees the refusal).
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

    public String when(LocalDateTime at) {
        return at == null ? "" : WHEN.format(at);
    }

    public String getEtat() { return etat; }
    public void setEtat(String etat) { this.etat = etat; }
}
