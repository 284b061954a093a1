package fr.portailfamille.platform.web;

import fr.portailfamille.platform.booking.CertificateQueue;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.booking.ValidationQueue;
import fr.portailfamille.platform.family.FileQueue;
import fr.portailfamille.platform.family.RequestQueue;
import fr.portailfamille.platform.registration.RegistrationQueue;
import fr.portailfamille.platform.registration.SchoolQueue;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The staff menu by task ({@code WEB-INF/templates/agent.xhtml}) and the staff home: each queue with how
 * many items wait in it, computed once per request by one {@code count(*)} per queue through the
 * contexts' queue services (never by loading the lists), when the page is written: a form's post visits the menu
 * before its action (Faces evaluates the {@code rendered} of what it walks through), and counts read then were those
 * from before the decision that an AJAX answer then showed.
 */
@Named
@RequestScoped
public class AgentMenuView {

    /** A link of the staff menu: page (without {@code .xhtml}), label key, and the queue's count if any. */
    public record Item(String id, String page, String labelKey, Long count) {

        // JavaBean getters: Jakarta EL 5 (Jakarta EE 10) does not read record components
        public String getId() { return id; }
        public String getPage() { return page; }
        public String getLabelKey() { return labelKey; }
        public Long getCount() { return count; }

        public boolean isCurrent() {
            FacesContext ctx = FacesContext.getCurrentInstance();
            return ctx != null && ctx.getViewRoot() != null && ctx.getViewRoot().getViewId().equals("/" + page + ".xhtml");
        }
    }

    /** The configuration's sections, each a page {@code agent/configuration/<section>}: the menu's and the index's order. */
    public static final List<String> CONFIGURATION_SECTIONS = List.of("calendrier", "activites", "etablissements", "legende",
            "textes", "tarification", "regies", "tarifs", "documents", "services", "fichier", "journal");

    @Inject
    UserView user;

    @Inject
    FileQueue files;

    @Inject
    RequestQueue requests;

    @Inject
    RegistrationQueue registrations;

    @Inject
    SchoolQueue schools;

    @Inject
    ValidationQueue validations;

    @Inject
    CertificateQueue certificates;

    @Inject
    FamilyDocuments documents;

    @Inject
    fr.portailfamille.platform.messaging.Inbox inbox;

    private List<Item> queues;

    public List<Item> getFamilies() {
        return List.of(new Item("menu-familles", "agent/familles", "agent.menu.familles", null),
                new Item("menu-ecrire", "agent/ecrire", "agent.menu.ecrire", null));
    }

    /** The queues, each with its count (one query each, once per request). */
    public List<Item> getQueues() {
        if (!rendering()) {
            return List.of(); // nothing to count while a post is processed: the menu holds no field
        }
        if (queues == null) {
            SignedInUser agent = user.require();
            queues = new ArrayList<>();
            queues.add(queue("dossiers", agent, files::count));
            queues.add(queue("demandes", agent, requests::count));
            queues.add(queue("inscriptions", agent, registrations::count));
            queues.add(queue("scolaires", agent, schools::count));
            queues.add(queue("reservations", agent, validations::count));
            queues.add(queue("certificats", agent, certificates::count));
            queues.add(queue("documents", agent, documents::pendingCount));
            queues.add(queue("messages", agent, inbox::unansweredCount));
        }
        return queues;
    }

    /** What waits in all the queues together: shown on the folded menu's "Menu" (tablet, phone). */
    public long getWaiting() {
        long total = 0;
        for (Item q : getQueues()) {
            total += q.count() == null ? 0 : q.count();
        }
        return total;
    }

    public List<Item> getActivities() {
        return List.of(new Item("menu-occupation", "agent/occupation", "agent.menu.occupation", null),
                new Item("menu-pointage", "agent/pointage", "agent.menu.pointage", null),
                new Item("menu-fenetre", "agent/fenetre", "agent.menu.fenetre", null),
                new Item("menu-facturation", "agent/facturation", "agent.menu.facturation", null),
                new Item("menu-paiements", "agent/paiements", "agent.menu.paiements", null),
                new Item("menu-paiements-en-ligne", "agent/paiements-en-ligne", "agent.menu.paiementsEnLigne", null),
                new Item("menu-prelevements", "agent/prelevements", "agent.menu.prelevements", null),
                new Item("menu-impayes", "agent/impayes", "agent.menu.impayes", null),
                new Item("menu-exports-facturation", "agent/exports-facturation", "agent.menu.exportsFacturation", null));
    }

    /**
     * The configuration pages and the news; the agents' accounts ({@code agent/agents}) and the export for the commune's administrators only.
     */
    public List<Item> getConfiguration() {
        List<Item> items = new ArrayList<>(configurationPages());
        if (StaffRoles.isAdminOfThisCommune(user.require())) {
            items.add(new Item("menu-agents", "agent/agents", "agents.menu", null));
            items.add(new Item("menu-export", "agent/export", "archive.menu", null));
        }
        return items;
    }

    /**
     * The configuration's entries every agent sees: each section (the configuration's index lists the same), labelled
     * as there, then the news.
     */
    static List<Item> configurationPages() {
        List<Item> items = new ArrayList<>();
        for (String section : CONFIGURATION_SECTIONS) {
            // "menu-documents" is the documents' queue
            String id = "menu-" + (section.equals("documents") ? "types-documents" : section);
            items.add(new Item(id, "agent/configuration/" + section, "agent.config.section." + section, null));
        }
        items.add(new Item("menu-actualites", "agent/actualites", "news.menu", null));
        return items;
    }

    private static Item queue(String name, SignedInUser agent, ToLongFunction<SignedInUser> count) {
        return new Item("menu-" + name, "agent/" + name, "agent.menu." + name, count.applyAsLong(agent));
    }

    private static boolean rendering() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
    }
}
