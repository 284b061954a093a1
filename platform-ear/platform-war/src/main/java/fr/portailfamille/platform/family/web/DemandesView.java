package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.MyRequests;
import fr.portailfamille.platform.family.requests.RequestFilter;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestLine;
import fr.portailfamille.platform.family.requests.RequestState;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Liste des demandes" (seed 004): every request of the family — registrations, school requests, bookings to
 * validate, absences, documents, changes of the file — with state, decision date and reason, filtered by kind,
 * state and period (a GET form, so that a filtered list has its own URL), newest first, {@value #PAGE_SIZE} a page;
 * {@code ?demande=ABSENCE-12} shows one request of the family's (another family's is refused by the service); a pending
 * registration, school request or change of the file is taken back there ({@code &annuler=1} asks to confirm, the
 * confirmation posts, then the page comes back with {@code &annulee=1}).
 */
@Named
@RequestScoped
public class DemandesView {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The periods offered, in months back from now ("" = all). */
    static final List<String> PERIODS = List.of("1", "3", "12");

    @Inject
    MyRequests requests;

    @Inject
    UserView user;

    private String type;
    private String etat;
    private String periode;
    private String page;
    private String demande;
    private String annuler;
    private String annulee;
    private String withdrawRefusal;

    private MyRequests.Page result;
    private RequestLine shown;
    private String refusal;
    private Map<Long, String> changeValues;

    /**
     * The request shown and whether to confirm taking it back, read from the request at once: the confirmation's
     * post decodes its button before the view parameters reach this bean, and the button is only there when both are.
     */
    @PostConstruct
    void fromRequest() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        demande = params.get("demande");
        annuler = params.get("annuler");
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getEtat() { return etat; }
    public void setEtat(String etat) { this.etat = etat; }
    public String getPeriode() { return periode; }
    public void setPeriode(String periode) { this.periode = periode; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
    public String getDemande() { return demande; }
    public void setDemande(String demande) { this.demande = demande; }
    public String getAnnuler() { return annuler; }
    public void setAnnuler(String annuler) { this.annuler = annuler; }
    public String getAnnulee() { return annulee; }
    public void setAnnulee(String annulee) { this.annulee = annulee; }

    /** Whether the family may take back {@code r} here: pending, of a kind Mes demandes takes back. */
    public boolean withdrawable(RequestLine r) {
        return r != null && r.getState() == RequestState.PENDING && requests.withdraws(r.getKind());
    }

    /** The words a screen reader says for the table's "Annuler" link of {@code r}. */
    public String withdrawLabel(RequestLine r) {
        return Texts.of("demandes.withdraw.of", subject(r));
    }

    /** Whether the page asks to confirm taking back the request shown. */
    public boolean isConfirming() {
        return "1".equals(annuler) && withdrawable(getShown());
    }

    /** Whether the request shown was just taken back. */
    public boolean isWithdrawn() {
        return "1".equals(annulee) && getShown() != null && getShown().getState() == RequestState.CANCELLED;
    }

    /** Why taking back the request shown was refused (decided meanwhile…), or null. */
    public String getWithdrawRefusal() {
        return withdrawRefusal;
    }

    /**
     * "Oui, annuler ma demande": the request shown taken back (one transaction), then the page again showing it
     * cancelled; refused (decided meanwhile, not the family's): said on the page.
     */
    public String withdraw() {
        try {
            requests.withdraw(user.require(), demande == null ? null : demande.strip());
        } catch (Refused e) {
            withdrawRefusal = Texts.of(e);
            annuler = null;
            return null;
        }
        return "/espace/demandes.xhtml?faces-redirect=true&demande=" + java.net.URLEncoder.encode(demande.strip(),
                java.nio.charset.StandardCharsets.UTF_8) + "&annulee=1";
    }

    public List<RequestKind> getKinds() {
        return List.of(RequestKind.values());
    }

    public List<RequestState> getStates() {
        return List.of(RequestState.values());
    }

    public List<String> getPeriods() {
        return PERIODS;
    }

    /** Whether {@code p} is one of the periods offered ({@code List.of} refuses to look for null). */
    static boolean isPeriod(String p) {
        return p != null && PERIODS.contains(p);
    }

    /** The kind chosen, or null. */
    public RequestKind getKind() {
        return RequestKind.parse(type);
    }

    RequestFilter filter() {
        OffsetDateTime since = isPeriod(periode)
                ? OffsetDateTime.now(PlatformTime.ZONE).minusMonths(Integer.parseInt(periode)) : null;
        return new RequestFilter(RequestKind.parse(type), RequestState.parse(etat), since);
    }

    /** The page asked (1 = first), 1 when absent or not a number. */
    public int getPageNumber() {
        try {
            return Math.max(1, Integer.parseInt(page == null ? "1" : page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private MyRequests.Page result() {
        if (result == null) {
            result = requests.page(user.require(), filter(), (getPageNumber() - 1) * PAGE_SIZE, PAGE_SIZE);
        }
        return result;
    }

    public List<RequestLine> getLines() {
        return result().lines();
    }

    public long getTotal() {
        return result().total();
    }

    public int getPageCount() {
        return (int) Math.max(1, (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean isHasPrevious() {
        return getPageNumber() > 1;
    }

    public boolean isHasNext() {
        return getPageNumber() < getPageCount() && !getLines().isEmpty();
    }

    /** The query string of this list at another page, keeping the filters. */
    public String pageQuery(int number) {
        StringBuilder q = new StringBuilder("?page=").append(number);
        if (getKind() != null) {
            q.append("&type=").append(getKind().name());
        }
        if (RequestState.parse(etat) != null) {
            q.append("&etat=").append(RequestState.parse(etat).name());
        }
        if (isPeriod(periode)) {
            q.append("&periode=").append(periode);
        }
        return q.toString();
    }

    /** The request asked by {@code ?demande=}, or null (none asked, or refused: see {@link #getRefusal()}). */
    public RequestLine getShown() {
        if (shown == null && refusal == null && demande != null && !demande.isBlank()) {
            try {
                shown = requests.one(user.require(), demande.strip());
            } catch (Refused e) {
                refusal = Texts.of(e);
            }
        }
        return shown;
    }

    /** Why the request asked by {@code ?demande=} is not shown, or null. */
    public String getRefusal() {
        getShown();
        return refusal;
    }

    /**
     * What a change of the file asked, in words, one line per value ("Téléphone portable : 06 12 34 56 78"); nothing
     * for the other kinds. The values of every change on the page (and of the one shown) are read at once.
     */
    public List<String> values(RequestLine r) {
        if (r == null || r.getKind() != RequestKind.DOSSIER) {
            return List.of();
        }
        if (changeValues == null) {
            Set<Long> ids = new LinkedHashSet<>();
            RequestLine one = getShown();
            if (one != null && one.getKind() == RequestKind.DOSSIER) {
                ids.add(one.getId());
            }
            getLines().stream().filter(l -> l.getKind() == RequestKind.DOSSIER).forEach(l -> ids.add(l.getId()));
            changeValues = requests.changeValues(user.require(), ids);
        }
        return ChangeDescriptions.lines(changeValues.get(r.getId()), Texts::of);
    }

    /** What request {@code r} asks, in the page's language. */
    public String subject(RequestLine r) {
        return r == null ? "" : r.subjectIn(Texts::of);
    }

    /** Why request {@code r} was decided so, in the page's language for the platform's own reasons; or null. */
    public String reason(RequestLine r) {
        return r == null ? null : r.reasonIn(Texts::of);
    }

    public String date(OffsetDateTime t) {
        return t == null ? "" : DATE.format(t.atZoneSameInstant(PlatformTime.ZONE));
    }
}
