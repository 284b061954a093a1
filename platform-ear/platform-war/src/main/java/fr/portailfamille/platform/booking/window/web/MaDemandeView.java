package fr.portailfamille.platform.booking.window.web;

import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.booking.window.Answers;
import fr.portailfamille.platform.booking.window.MyRequest;
import fr.portailfamille.platform.booking.window.NewProof;
import fr.portailfamille.platform.booking.window.WindowOffer;
import fr.portailfamille.platform.booking.window.WindowRequests;
import fr.portailfamille.platform.booking.window.WindowSummary;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page espace/ma-demande: the windows taking requests for the family's children; for one window, the request form
 * (days per child, answers the file does not hold, a proof chosen from Mes documents or sent with the request — stored
 * as a document of the family in the request's transaction, {@link WindowRequests#request(fr.portailfamille.platform
 * .security.SignedInUser, long, Map, Answers, NewProof)}) and "Ma demande" — its state, then each day's result and its
 * reason in words.
 */
@Named
@ViewScoped
public class MaDemandeView implements Serializable {

    @Inject
    WindowRequests requests;

    @Inject
    UserView user;

    @Inject
    FamilyDocuments documents;

    private Long fenetre;
    private List<WindowSummary> windows = List.of();
    private List<WindowSummary> requested = List.of();
    private WindowOffer offer;
    /** Why the window takes no request now, in the page's language ("ouverte à partir du …", "close depuis le …"). */
    private String notTaking;
    private MyRequest mine;
    private final Map<Long, Object> selection = new HashMap<>();
    private boolean bothParentsWorking;
    private boolean disability;
    private Long proof;
    private String proofType;
    private LocalDate proofDate;
    private transient Part proofFile;
    private transient List<SelectItem> proofTypes;

    public void load() throws IOException {
        if (fenetre == null) {
            windows = requests.openFor(user.require());
            requested = requests.requestedBy(user.require());
            return;
        }
        try {
            offer = requests.offer(user.require(), fenetre);
        } catch (Refused e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Fenêtre introuvable");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        notTaking = offer.whyNotTaking() == null ? null : Texts.of(offer.whyNotTaking());
        mine = requests.mineTo(user.require(), fenetre).orElse(null);
        if (mine != null && selection.isEmpty()) {
            // "Modifier ma demande" opens on what was sent: sending it again replaces the request whole
            bothParentsWorking = mine.isBothParentsWorking();
            disability = mine.asSent().disability();
            proof = mine.asSent().proofId();
            mine.asSent().unitDays().forEach((child, keys) -> selection.put(child, new ArrayList<>(keys)));
        }
    }

    /** Sends (or replaces) the family's request. */
    public void send() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Map<Long, Set<MonthPlan.UnitDay>> days = new HashMap<>();
        for (Map.Entry<Long, Object> e : selection.entrySet()) {
            Set<MonthPlan.UnitDay> set = new HashSet<>();
            for (Object key : values(e.getValue())) {
                String[] parts = key.toString().split(":");
                try {
                    set.add(new MonthPlan.UnitDay(Long.parseLong(parts[0]), LocalDate.parse(parts[1])));
                } catch (RuntimeException bad) {
                    error(ctx, "request:send", Texts.of("fenetre.family.day.invalid"));
                    return;
                }
            }
            days.put(e.getKey(), set);
        }
        NewProof upload = null;
        if (proofFile != null && proofFile.getSize() > 0) {
            try (InputStream in = proofFile.getInputStream()) {
                upload = new NewProof(proofType, proofDate, proofFile.getSubmittedFileName(),
                        in.readNBytes(UploadChecker.MAX_BYTES + 1));
            }
        }
        try {
            requests.request(user.require(), fenetre, days, new Answers(bothParentsWorking, disability, proof), upload);
            String done = Texts.of("fenetre.family.sent");
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
            proofType = null;
            proofDate = null;
            load();
            if (mine != null) {
                // the proof the request now carries (one just sent with it: chosen in the list from now on)
                proof = mine.asSent().proofId();
            }
        } catch (Refused e) {
            String field = switch (e.field() == null ? "" : e.field()) {
                case "proof", "proofType", "proofDate", "proofFile" -> "request:" + e.field();
                default -> "request:send";
            };
            error(ctx, field, Texts.of(e));
        }
    }

    /** « Retirer ma demande »: the request taken back while the window takes requests; said above the page. */
    public void withdraw() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        try {
            requests.withdraw(user.require(), fenetre);
            String done = Texts.of("fenetre.family.withdrawn");
            ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
            selection.clear();
            proof = null;
            bothParentsWorking = false;
            disability = false;
            load();
        } catch (Refused e) {
            error(ctx, null, Texts.of(e));
        }
    }

    private static List<Object> values(Object v) {
        List<Object> list = new ArrayList<>();
        if (v instanceof Object[] array) {
            list.addAll(List.of(array));
        } else if (v instanceof Collection<?> c) {
            list.addAll(c);
        }
        return list;
    }

    private static void error(FacesContext ctx, String clientId, String message) {
        ctx.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    /** The document types a proof sent with the request may have: the commune's types for the family (not a child's). */
    public List<SelectItem> getProofTypes() {
        if (proofTypes == null) {
            proofTypes = documents.types().stream().filter(t -> !t.forChild())
                    .map(t -> new SelectItem(t.code(), t.label())).toList();
        }
        return proofTypes;
    }

    public Long getFenetre() { return fenetre; }
    public void setFenetre(Long v) { if (ViewParams.opening()) fenetre = v; }
    public List<WindowSummary> getWindows() { return windows; }
    /** The windows the family sent a request to, whatever their state (the index's « Mes demandes »). */
    public List<WindowSummary> getRequested() { return requested; }
    public WindowOffer getOffer() { return offer; }
    public String getNotTaking() { return notTaking; }
    public MyRequest getMine() { return mine; }
    public Map<Long, Object> getSelection() { return selection; }
    public boolean isBothParentsWorking() { return bothParentsWorking; }
    public void setBothParentsWorking(boolean v) { bothParentsWorking = v; }
    public boolean isDisability() { return disability; }
    public void setDisability(boolean v) { disability = v; }
    public Long getProof() { return proof; }
    public void setProof(Long v) { proof = v; }
    public String getProofType() { return proofType; }
    public void setProofType(String v) { proofType = v; }
    public LocalDate getProofDate() { return proofDate; }
    public void setProofDate(LocalDate v) { proofDate = v; }
    public Part getProofFile() { return proofFile; }
    public void setProofFile(Part v) { proofFile = v; }

    /** A window's period in the page's language: "du 06/07/2027 au 30/07/2027", "from 06/07/2027 to 30/07/2027". */
    public String period(WindowSummary window) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        return Texts.of("fenetre.family.period", day.format(window.getPeriodFrom()), day.format(window.getPeriodTo()));
    }
}
