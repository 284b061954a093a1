package fr.portailfamille.platform.registration.web;

import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.web.ViewParams;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.configuration.SchoolLevel;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.registration.Establishment;
import fr.portailfamille.platform.registration.Registration;
import fr.portailfamille.platform.registration.RegistrationService;
import fr.portailfamille.platform.registration.RequestStatus;
import fr.portailfamille.platform.registration.SchoolEnrolment;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Inscriptions" of one of the family's children: school pre-registration, and registration to the
 * activities offered for its age (documents, CGU) that an agent validates before any booking.
 */
@Named
@ViewScoped
public class InscriptionsView implements Serializable {

    @Inject
    RegistrationService registrations;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneSettings settings;

    @Inject
    UserView user;

    /** An activity offered to the child, its state and the documents it requires. */
    public static class Offer implements Serializable {
        private final long activityId;
        private final String name;
        private final String audience;
        private final String description;
        private final String status;
        private final boolean open;
        private final List<String> documents;
        private final Map<String, String> provided;
        private final Map<String, String> alsoAsked;

        private final String pendingRef;
        private final boolean offered;
        /** For an activity no longer offered because its last day has passed: the sentence saying so, else null. */
        private final String ended;

        Offer(Activity a, String status, boolean open, List<String> documents, Map<String, String> provided,
                Map<String, String> alsoAsked, String pendingRef) {
            this(a, status, open, documents, provided, alsoAsked, pendingRef, true);
        }

        private Offer(Activity a, String status, boolean open, List<String> documents, Map<String, String> provided,
                Map<String, String> alsoAsked, String pendingRef, boolean offered) {
            this.offered = offered;
            this.ended = offered || !a.endedBy(fr.portailfamille.platform.kernel.PlatformTime.today()) ? null
                    : Texts.of("inscriptions.ended", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                            .format(a.getLastDay()));
            this.pendingRef = pendingRef;
            this.provided = provided;
            this.alsoAsked = alsoAsked;
            this.activityId = a.getId();
            this.name = a.getName();
            this.audience = audience(a.getMinAge(), a.getMaxAge(), a.getSchoolLevels());
            this.description = a.getDescription();
            this.status = status;
            this.open = open;
            this.documents = documents;
        }

        public long getActivityId() { return activityId; }
        public String getEnded() { return ended; }
        public String getName() { return name; }
        public String getAudience() { return audience; }

        /** Ages and levels in words in the page's language ("3 à 11 ans (CP, CE1)"), empty for every child. */
        static String audience(Integer minAge, Integer maxAge, String schoolLevels) {
            String ages = minAge != null && maxAge != null ? Texts.of("inscriptions.ages.between", minAge, maxAge)
                    : minAge != null ? Texts.of("inscriptions.ages.from", minAge)
                    : maxAge != null ? Texts.of("inscriptions.ages.upTo", maxAge) : "";
            String levels = schoolLevels == null || schoolLevels.isBlank() ? "" : schoolLevels.replace(",", ", ");
            return ages.isEmpty() ? levels : levels.isEmpty() ? ages : ages + " (" + levels + ")";
        }
        public String getDescription() { return description; }
        /** The child's registration state, in the page's language, or {@code null} when not registered. */
        public String getStatus() { return status; }
        /** Mes demandes' reference of the child's registration waiting for a decision ("INSCRIPTION-12"), else null. */
        public String getPendingRef() { return pendingRef; }
        /** Whether the family may register the child now. */
        public boolean isOpen() { return open; }
        /**
         * Whether the activity is offered to the child today; {@code false} for one it was registered to that its age or
         * class no longer lets it ask (the registration stays, and the page still shows it).
         */
        public boolean isOffered() { return offered; }
        public List<String> getDocuments() { return documents; }
        /**
         * The required documents the family has already given — a valid document of Mes documents, or the one given with
         * another of the child's registrations this school year — with the sentence saying so: the page does not ask for
         * them.
         */
        public Map<String, String> getProvided() { return provided; }
        /** The required documents an activity above on the page asks for too, with the sentence saying one file is enough. */
        public Map<String, String> getAlsoAsked() { return alsoAsked; }
    }

    private int enfant = 1;
    private boolean validated;
    private List<FamilyForm.ChildForm> children;
    private List<Offer> offers = List.of();
    private List<SchoolEnrolment> schoolRequests = List.of();
    private final Map<Long, Boolean> ticked = new HashMap<>();
    private transient Map<String, Part> uploads;
    private boolean cgu;
    private Long school;
    private String year;
    private String level;
    private String comment;

    public void load() {
        validated = files.fileOf(user.require()).getStatus() == FamilyStatus.VALIDATED;
        children = files.formOf(user.require()).getChildren();
        refresh();
    }

    private void refresh() {
        FamilyForm.ChildForm child = getChild();
        if (!validated || child == null || child.getId() == null) {
            offers = List.of();
            schoolRequests = List.of();
            return;
        }
        Map<Long, Registration> latest = new LinkedHashMap<>();
        for (Registration r : registrations.registrationsOf(user.require(), child.getId())) {
            latest.putIfAbsent(r.getActivity().getId(), r);
        }
        List<Offer> list = new ArrayList<>();
        Map<Long, List<String>> documents = registrations.requiredDocuments();
        // the first open activity of the page asking for each document still to join: a later one says it is joined once
        Map<String, String> askedFirstBy = new HashMap<>();
        // whether the family already gave a document, looked up once per label (activities often ask the same ones)
        Map<String, String> givenByLabel = new HashMap<>();
        // a school pre-registration still waiting: school-time activities wait for it, as the service refuses them
        boolean awaitsSchool = registrations.awaitsSchool(user.require(), child.getId());
        for (Activity a : registrations.offersFor(user.require(), child.getId())) {
            Registration r = latest.get(a.getId());
            String status = r == null ? null : r.getStatus() == RequestStatus.REFUSED && r.getReason() != null
                    ? Texts.of("inscriptions.status.withReason", stateText(r.getStatus()), r.getReason())
                    : stateText(r.getStatus());
            boolean open = r == null || RequestStatus.OVER.contains(r.getStatus());
            if (open && awaitsSchool && !a.isHolidayOnly()) {
                open = false;
                status = Texts.of(fr.portailfamille.platform.kernel.Refused.text("registration.school.awaited",
                        child.getFirstName(), a.getName()));
            }
            List<String> required = documents.getOrDefault(a.getId(), List.of());
            Map<String, String> provided = new HashMap<>();
            Map<String, String> alsoAsked = new HashMap<>();
            for (String label : required) {
                String given = givenByLabel.computeIfAbsent(label, l -> alreadyGiven(child.getId(), l));
                if (!given.isEmpty()) {
                    provided.put(label, given);
                } else if (open && askedFirstBy.containsKey(label)) {
                    alsoAsked.put(label, Texts.of("inscriptions.document.once", askedFirstBy.get(label)));
                } else if (open) {
                    askedFirstBy.put(label, a.getName());
                }
            }
            list.add(new Offer(a, status, open, required, provided, alsoAsked, pendingRef(r)));
            latest.remove(a.getId());
        }
        // a registration the child still holds to an activity its age or class no longer lets it ask for (a birthday, a
        // class changed, the activity's ages narrowed): still on the page, in its state, with no new registration offered
        for (Registration r : latest.values()) {
            if (!RequestStatus.OVER.contains(r.getStatus())) {
                list.add(new Offer(r.getActivity(), stateText(r.getStatus()), false, List.of(), Map.of(), Map.of(),
                        pendingRef(r), false));
            }
        }
        offers = list;
        schoolRequests = registrations.schoolRequestsOf(user.require(), child.getId());
    }

    /** Mes demandes' reference of a registration waiting for a decision ("INSCRIPTION-12"), else null. */
    private static String pendingRef(Registration r) {
        return r != null && r.getStatus() == RequestStatus.SUBMITTED ? "INSCRIPTION-" + r.getId() : null;
    }

    /**
     * The sentence saying the family already gave the document {@code label} — valid in Mes documents, or joined to
     * another of the child's registrations this school year —, "" when it did not.
     */
    private String alreadyGiven(long childId, String label) {
        if (registrations.providedByMesDocuments(user.require(), childId, label)) {
            return Texts.of("inscriptions.document.provided", label);
        }
        return registrations.providedByRegistration(user.require(), childId, label)
                .map(activity -> Texts.of("inscriptions.document.providedWith", label, activity)).orElse("");
    }

    /** A registration's state in the page's language ("En attente de validation", "Validée", "Refusée"). */
    private static String stateText(RequestStatus status) {
        return Texts.of("inscriptions.status." + status.name());
    }

    /** "Envoyer l'inscription": the ticked activities, their documents and the CGU, all or nothing. */
    public void register() throws IOException {
        List<Long> ids = new ArrayList<>();
        Map<Long, List<RegistrationService.Upload>> files = new HashMap<>();
        Map<Long, List<String>> asked = new HashMap<>();
        for (Offer o : offers) {
            if (o.isOpen() && Boolean.TRUE.equals(ticked.get(o.getActivityId()))) {
                ids.add(o.getActivityId());
                asked.put(o.getActivityId(), List.copyOf(o.getDocuments()));
                List<RegistrationService.Upload> given = new ArrayList<>();
                for (int i = 0; i < o.getDocuments().size(); i++) {
                    given.add(read(getUploads().get(o.getActivityId() + "-" + i)));
                }
                files.put(o.getActivityId(), given);
            }
        }
        try {
            int n = registrations.register(user.require(), getChild().getId(), ids, files, cgu, asked).size();
            ticked.clear();
            cgu = false;
            FormErrors.info(n == 1 ? Texts.of("inscriptions.sent.one")
                    : Texts.of("inscriptions.sent.many", String.valueOf(n)));
        } catch (Refused e) {
            // every problem beside its field (the CGU, each document), and once that the files are to be chosen again
            List<FieldError> shown = new ArrayList<>();
            e.errors().forEach(f -> shown.add(new FieldError(fieldOf(f.field()), f.text())));
            FormErrors.show("inscription", shown);
            if (files.values().stream().flatMap(List::stream).anyMatch(u -> !u.isEmpty())) {
                FormErrors.error(Texts.of("inscriptions.files.again"));
            }
        }
        refresh();
    }

    /** The client id suffix of a refusal's field: "doc-12-0" is the upload of activity 12's first document. */
    private String fieldOf(String field) {
        if (field == null || field.equals("activities")) {
            return "";
        }
        if (field.startsWith("doc-")) {
            String[] p = field.split("-");
            for (int i = 0; i < offers.size(); i++) {
                if (String.valueOf(offers.get(i).getActivityId()).equals(p[1])) {
                    return "offers[" + i + "].documents[" + p[2] + "].file";
                }
            }
        }
        return field;
    }

    private static RegistrationService.Upload read(Part part) throws IOException {
        if (part == null || part.getSize() == 0) {
            return new RegistrationService.Upload(null, null, null);
        }
        try (InputStream in = part.getInputStream()) {
            return new RegistrationService.Upload(part.getSubmittedFileName(), part.getContentType(),
                    in.readNBytes(RegistrationService.DOCUMENT_MAX_BYTES + 1));
        }
    }

    /** "Demander l'inscription scolaire". */
    public void requestSchool() {
        try {
            registrations.requestSchool(user.require(), getChild().getId(), school, year, level, comment);
            school = null;
            level = null;
            comment = null;
            FormErrors.info(Texts.of("inscriptions.school.sent"));
        } catch (Refused e) {
            FormErrors.show("scolaire", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        }
        refresh();
    }

    /** The commune's schools, each named with its kind ("École Jules Ferry – École maternelle"): two of one name stay two. */
    public Map<String, Long> getSchools() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Establishment e : registrations.schools()) {
            String label = e.getName() + " – " + Texts.of("agent.config.choice.establishmentKind." + e.getKind());
            m.merge(label, e.getId(), (a, b) -> a);
            if (!m.get(label).equals(e.getId())) {
                m.put(label + " (" + e.getCode() + ")", e.getId());
            }
        }
        return m;
    }

    public Map<String, String> getYears() {
        Map<String, String> m = new LinkedHashMap<>();
        registrations.schoolYears().forEach(y -> m.put(y, y));
        return m;
    }

    public Map<String, String> getLevels() {
        Map<String, String> m = new LinkedHashMap<>();
        SchoolLevel.codes().forEach(l -> m.put(l, l));
        return m;
    }

    public String getCguText() {
        return settings.cgu();
    }

    public FamilyForm.ChildForm getChild() {
        return children != null && enfant >= 1 && enfant <= children.size() ? children.get(enfant - 1) : null;
    }

    public Map<String, Part> getUploads() {
        if (uploads == null) {
            uploads = new HashMap<>();
        }
        return uploads;
    }

    public boolean isAnyOpen() {
        return offers.stream().anyMatch(Offer::isOpen);
    }

    /** Whether any activity is offered to the child today (else the page says none is, and whom to ask). */
    public boolean isAnyOffered() {
        return offers.stream().anyMatch(Offer::isOffered);
    }

    public boolean isValidated() { return validated; }
    public List<FamilyForm.ChildForm> getChildren() { return children; }
    public List<Offer> getOffers() { return offers; }
    public List<SchoolEnrolment> getSchoolRequests() { return schoolRequests; }
    public Map<Long, Boolean> getTicked() { return ticked; }
    public boolean isCgu() { return cgu; }
    public void setCgu(boolean v) { cgu = v; }
    public int getEnfant() { return enfant; }
    public void setEnfant(int v) { if (ViewParams.opening()) enfant = v; }
    public Long getSchool() { return school; }
    public void setSchool(Long v) { school = v; }
    public String getYear() { return year; }
    public void setYear(String v) { year = v; }
    public String getLevel() { return level; }
    public void setLevel(String v) { level = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
}
