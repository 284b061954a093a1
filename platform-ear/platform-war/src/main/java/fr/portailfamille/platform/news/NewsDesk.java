package fr.portailfamille.platform.news;

import fr.portailfamille.news.NewsAudience;
import fr.portailfamille.news.NewsRules;
import fr.portailfamille.news.NewsState;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agents' news: the list by state, audience and title (counted and paged in SQL), one news to edit, and each
 * action on it — save, publish (now or at its date), take offline, delete — in one transaction, for agents of the
 * commune only (checked here), under {@link NewsRules}. A refused action changes nothing.
 */
@ApplicationScoped
@Transactional(rollbackOn = Refused.class)
@CommuneRequired
public class NewsDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    Clock clock = PlatformTime.clock();

    /** What an agent does with the form. */
    public enum Action {
        /** Keeps the news as published or not as it was. */
        SAVE,
        /** Publishes it: online from its publication date (now if none). */
        PUBLISH,
        /** Takes it offline: back to a draft. */
        UNPUBLISH
    }

    /** The edit form's values; dates in the commune's local time. */
    public static class Form implements Serializable {
        private String title;
        private String body;
        private LocalDateTime publishAt;
        private LocalDateTime endAt;
        private String audience = NewsAudience.EVERYONE.name();
        private List<Long> activityIds = new ArrayList<>();
        private String imageAlt;

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public LocalDateTime getPublishAt() { return publishAt; }
        public void setPublishAt(LocalDateTime v) { publishAt = v; }
        public LocalDateTime getEndAt() { return endAt; }
        public void setEndAt(LocalDateTime v) { endAt = v; }
        public String getAudience() { return audience; }
        public void setAudience(String v) { audience = v; }
        public List<Long> getActivityIds() { return activityIds; }
        public void setActivityIds(List<Long> v) { activityIds = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public String getImageAlt() { return imageAlt; }
        public void setImageAlt(String v) { imageAlt = v; }
    }

    /** A news as the edit page opens it. */
    public record Edited(long id, Form form, NewsState state, boolean image, String author, OffsetDateTime updatedAt) {
    }

    /** A row of the agents' list. */
    public record Row(long id, String title, NewsState state, OffsetDateTime publishAt, OffsetDateTime endAt,
                      boolean targeted, String activities, boolean image, String author) implements Serializable {
        public long getId() { return id; }
        public String getTitle() { return title; }
        public String getState() { return state.name(); }
        public String getPublishAt() { return NewsDates.dayTime(publishAt); }
        public String getEndAt() { return NewsDates.dayTime(endAt); }
        public boolean isImage() { return image; }
        public String getAuthor() { return author; }
    }

    /** What the list filters on; {@code null} fields do not filter. */
    public record Filter(NewsState state, NewsAudience audience, String title) implements Serializable {
    }

    /** An activity a news may target. */
    public record Target(long id, String name) implements Serializable {
        public long getId() { return id; }
        public String getName() { return name; }
    }

    // ---- list -----------------------------------------------------------------------------------

    /** NewsState.at in SQL, for filtering and sorting by state. */
    private static final String STATE = "(case when not n.published or n.publish_at is null then 'BROUILLON'"
            + " when n.publish_at > cast(?1 as timestamptz) then 'PROGRAMMEE'"
            + " when n.end_at is null or n.end_at > cast(?1 as timestamptz) then 'EN_LIGNE'"
            + " else 'TERMINEE' end)";

    static final Map<String, String> SORTS = Map.of("title", "lower(n.title)", "state", STATE, "publishAt", "n.publish_at",
            "endAt", "n.end_at", "author", "n.author");

    public long count(SignedInUser agent, Filter filter) {
        StaffRoles.requireAgent(agent);
        Query q = em.createNativeQuery("select count(*) from news n" + where(filter));
        bind(q, filter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** One page of the list; by default the latest publication first, drafts (no date) on top. */
    public List<Row> search(SignedInUser agent, Filter filter, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        String order = sort.field() == null ? "n.publish_at desc nulls first, n.id desc"
                : sort.orderBy(SORTS, "n.publish_at", "n.id");
        Query q = em.createNativeQuery("select n.id, n.title, " + STATE + ", n.publish_at, n.end_at, n.audience,"
                + " (select string_agg(a.name, ', ' order by a.name) from news_activity na join activity a on a.id = na.activity_id"
                + " where na.news_id = n.id), n.image is not null, n.author from news n" + where(filter)
                + " order by " + order + " offset ?5 limit ?6");
        bind(q, filter);
        q.setParameter(5, Sort.offset(offset)).setParameter(6, Sort.limit(limit));
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row(Rows.id(r[0]), (String) r[1], NewsState.valueOf((String) r[2]), Rows.time(r[3]),
                    Rows.time(r[4]), "ACTIVITIES".equals(r[5]), (String) r[6], (Boolean) r[7], (String) r[8]));
        }
        return rows;
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder(" where cast(?1 as timestamptz) is not null");
        if (f != null && f.state() != null) {
            w.append(" and ").append(STATE).append(" = ?2");
        }
        if (f != null && f.audience() != null) {
            w.append(" and n.audience = ?3");
        }
        if (f != null && f.title() != null && !f.title().isBlank()) {
            w.append(" and lower(n.title) like ?4 escape '\\'");
        }
        return w.toString();
    }

    private void bind(Query q, Filter f) {
        q.setParameter(1, OffsetDateTime.now(clock));
        if (f != null && f.state() != null) {
            q.setParameter(2, f.state().name());
        }
        if (f != null && f.audience() != null) {
            q.setParameter(3, f.audience().name());
        }
        if (f != null && f.title() != null && !f.title().isBlank()) {
            q.setParameter(4, "%" + f.title().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
    }

    // ---- one news -------------------------------------------------------------------------------

    /** The activities a news may target, by name. */
    public List<Target> targets(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        List<Target> targets = new ArrayList<>();
        for (Object o : em.createNativeQuery("select id, name from activity order by name, id").getResultList()) {
            Object[] r = (Object[]) o;
            targets.add(new Target(Rows.id(r[0]), (String) r[1]));
        }
        return targets;
    }

    /** A news of this commune to edit; empty for an unknown id. */
    public Optional<Edited> get(SignedInUser agent, long id) {
        StaffRoles.requireAgent(agent);
        News n = em.find(News.class, id);
        if (n == null) {
            return Optional.empty();
        }
        Form form = new Form();
        form.setTitle(n.getTitle());
        form.setBody(n.getBody());
        form.setPublishAt(NewsDates.local(n.getPublishAt()));
        form.setEndAt(NewsDates.local(n.getEndAt()));
        form.setAudience(n.getAudience().name());
        form.setActivityIds(n.getActivityIds().stream().sorted().toList());
        form.setImageAlt(n.getImageAlt());
        return Optional.of(new Edited(n.getId(), form, state(n), n.hasImage(), n.getAuthor(), n.getUpdatedAt()));
    }

    /**
     * Saves a new news ({@code id} null) or an existing one with the form, the new image if any ({@code image}:
     * the uploaded bytes and the name sent) or without its image ({@code removeImage}), then applies the action;
     * all or nothing.
     *
     * @return the news's id
     * @throws Refused with the first field concerned; {@link #problems} lists them all
     */
    public long save(SignedInUser agent, Long id, Form form, String imageName, byte[] image, boolean removeImage,
                     Action action) {
        return save(agent, id, form, imageName, image, removeImage, action, null);
    }

    /**
     * As {@link #save(SignedInUser, Long, Form, String, byte[], boolean, Action)}, a new news's form carrying its
     * one-time token ({@link FormTokens}): the same form sent again (« Publier » clicked twice) creates nothing.
     *
     * @throws Refused on {@link FormTokens#FIELD} when that form already created a news ({@link #createdBy})
     */
    public long save(SignedInUser agent, Long id, Form form, String imageName, byte[] image, boolean removeImage,
                     Action action, String formToken) {
        StaffRoles.requireAgent(agent);
        List<FieldError> errors = problems(agent, id, form, imageName, image, removeImage, action);
        if (!errors.isEmpty()) {
            throw new Refused(errors.get(0).field(), errors.get(0).text());
        }
        String token = id == null ? FormTokens.of(formToken) : null;
        FormTokens.claim(em, "news", token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        News n = id == null ? new News(agent.email(), now, token) : em.find(News.class, id);
        if (n == null) {
            throw new Refused(Refused.text("news.gone"));
        }
        boolean published = switch (action) {
            case SAVE -> n.isPublished();
            case PUBLISH -> true;
            case UNPUBLISH -> false;
        };
        OffsetDateTime publishAt = NewsDates.of(form.getPublishAt());
        if (published && publishAt == null) {
            publishAt = now;
        }
        boolean withImage = image != null || n.hasImage() && !removeImage;
        if (removeImage && image == null) {
            n.removeImage();
        }
        if (image != null) {
            n.image(NewsImages.check(imageName, image));
        }
        n.write(form.getTitle().strip(), NewsRules.body(form.getBody()), publishAt, NewsDates.of(form.getEndAt()),
                NewsAudience.valueOf(form.getAudience()), new LinkedHashSet<>(form.getActivityIds()),
                withImage ? form.getImageAlt().strip() : null, agent.email(), now);
        n.publish(published);
        if (id == null) {
            em.persist(n);
        }
        em.flush();
        return n.getId();
    }

    /** The news a form of one-time token {@code formToken} created, if any. */
    public Optional<Long> createdBy(SignedInUser agent, String formToken) {
        StaffRoles.requireAgent(agent);
        String token = FormTokens.of(formToken);
        if (token == null) {
            return Optional.empty();
        }
        return em.createNativeQuery("select id from news where form_token = ?1").setParameter(1, token).getResultList()
                .stream().findFirst().map(x -> ((Number) x).longValue());
    }

    /**
     * Every problem of the form for this action, each with its field ({@code image} included), none when it may be
     * saved: the rules of {@link NewsRules}, targets that are activities of the commune, the image's content.
     */
    public List<FieldError> problems(SignedInUser agent, Long id, Form form, String imageName, byte[] image,
                                     boolean removeImage, Action action) {
        StaffRoles.requireAgent(agent);
        News existing = id == null ? null : em.find(News.class, id);
        if (id != null && existing == null) {
            return List.of(new FieldError("", Refused.text("news.gone")));
        }
        boolean published = action == Action.PUBLISH || action == Action.SAVE && existing != null && existing.isPublished();
        NewsAudience audience;
        try {
            audience = form.getAudience() == null ? null : NewsAudience.valueOf(form.getAudience());
        } catch (IllegalArgumentException e) {
            audience = null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime publishAt = NewsDates.of(form.getPublishAt());
        if (published && publishAt == null) {
            publishAt = now;
        }
        OffsetDateTime endAt = NewsDates.of(form.getEndAt());
        boolean withImage = image != null || existing != null && existing.hasImage() && !removeImage;
        Set<Long> targets = new LinkedHashSet<>(form.getActivityIds());
        List<FieldError> errors = new ArrayList<>(NewsRules.check(new NewsRules.Draft(form.getTitle(), form.getBody(),
                publishAt == null ? null : publishAt.toInstant(), endAt == null ? null : endAt.toInstant(), audience,
                targets, withImage, form.getImageAlt()), published, now.toInstant()));
        if (audience == NewsAudience.ACTIVITIES && !targets.isEmpty()) {
            Set<Long> known = new java.util.HashSet<>();
            targets(agent).forEach(t -> known.add(t.id()));
            if (!known.containsAll(targets)) {
                errors.add(new FieldError("activities", Refused.text("news.activity.unknown")));
            }
        }
        if (image != null) {
            try {
                NewsImages.check(imageName, image);
            } catch (Refused e) {
                errors.add(new FieldError("image", e.text()));
            }
        }
        Map<String, FieldError> first = new LinkedHashMap<>();
        errors.forEach(e -> first.putIfAbsent(e.field(), e));
        return List.copyOf(first.values());
    }

    /** Deletes a news (and its image and targets). */
    public void delete(SignedInUser agent, long id) {
        StaffRoles.requireAgent(agent);
        News n = em.find(News.class, id);
        if (n == null) {
            throw new Refused(Refused.text("news.gone"));
        }
        em.remove(n);
    }

    private NewsState state(News n) {
        return NewsState.at(n.isPublished(), n.getPublishAt() == null ? null : n.getPublishAt().toInstant(),
                n.getEndAt() == null ? null : n.getEndAt().toInstant(), clock.instant());
    }
}
