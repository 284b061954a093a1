package fr.portailfamille.platform.news;

import fr.portailfamille.news.NewsAudience;
import fr.portailfamille.news.NewsState;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current commune's news as readers see them, online now (published, between publication and end): the public
 * home shows those for everyone; a family's Accueil those and the ones targeting an activity where one of its
 * children's registration is validated; the "lire la suite" page and the image only what its reader may see
 * (agents of the commune: any online news). Each call is one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class NewsService {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    Clock clock = PlatformTime.clock();

    /** An image to send: its detected type and bytes. */
    public record Image(String contentType, byte[] content) {
    }

    private static final String TILE = "select n.id, n.title, n.body, n.publish_at, n.audience, n.image_type is not null,"
            + " n.image_alt, n.image_width, n.image_height from news n";
    private static final String ONLINE = " n.published and n.publish_at <= ?1 and (n.end_at is null or n.end_at > ?1)";
    /** NewsAudience.reaches in SQL: for everyone, or sharing an activity with the family's validated registrations. */
    private static final String REACHES = " and (n.audience = 'EVERYONE' or exists (select 1 from news_activity na"
            + " join registration r on r.activity_id = na.activity_id join child c on c.id = r.child_id"
            + " where na.news_id = n.id and r.status = 'VALIDATED' and c.family_id = cast(?2 as bigint)))";

    /** The public home's tiles: news for everyone online now, newest first. */
    public List<NewsTile> publicTiles(int max) {
        return tiles(null, max);
    }

    /** Accueil's tiles: for everyone and, for a parent, those targeting the family's activities; newest first. */
    public List<NewsTile> familyTiles(SignedInUser user, int max) {
        return tiles(familyId(user), max);
    }

    private List<NewsTile> tiles(Long familyId, int max) {
        Query q = em.createNativeQuery(TILE + " where" + ONLINE + REACHES + " order by n.publish_at desc, n.id desc limit ?3")
                .setParameter(1, now()).setParameter(2, familyId).setParameter(3, Math.max(1, Math.min(50, max)));
        return tilesOf(q);
    }

    private List<NewsTile> tilesOf(Query q) {
        List<NewsTile> tiles = new ArrayList<>();
        for (Object row : q.getResultList()) {
            tiles.add(tile((Object[]) row));
        }
        return tiles;
    }

    /** A page of {@link #list}: its tiles, its number (from 1), how many pages and news there are (getters: for EL). */
    public record NewsPage(List<NewsTile> tiles, int page, int pages, long total) {
        public List<NewsTile> getTiles() { return tiles; }
        public int getPage() { return page; }
        public int getPages() { return pages; }
        public long getTotal() { return total; }
        public boolean hasPrevious() { return page > 1; }
        public boolean hasNext() { return page < pages; }
    }

    /**
     * Page actualites: every news online now for this reader ({@code null}: nobody signed in) — those for everyone and,
     * for a parent, those targeting the family's activities — newest first, {@code size} a page; a page beyond the last
     * gives the last. One count and one page query.
     */
    public NewsPage list(SignedInUser reader, int page, int size) {
        Long familyId = familyId(reader);
        long total = ((Number) em.createNativeQuery("select count(*) from news n where" + ONLINE + REACHES)
                .setParameter(1, now()).setParameter(2, familyId).getSingleResult()).longValue();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.max(1, Math.min(page, pages));
        Query q = em.createNativeQuery(TILE + " where" + ONLINE + REACHES
                        + " order by n.publish_at desc, n.id desc limit ?3 offset ?4")
                .setParameter(1, now()).setParameter(2, familyId).setParameter(3, size)
                .setParameter(4, (long) (shown - 1) * size);
        return new NewsPage(tilesOf(q), shown, pages, total);
    }

    /**
     * A news for its "lire la suite" page, if online and for this reader ({@code null}: nobody signed in): for
     * everyone, for a family of a targeted activity, or for an agent of the commune; otherwise empty, as for an id
     * that does not exist here.
     */
    public Optional<NewsTile> read(SignedInUser reader, long id) {
        List<?> rows = em.createNativeQuery(TILE + " where n.id = ?1").setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return readable(reader, id) ? Optional.of(tile(r)) : Optional.empty();
    }

    /** A news's image, if its reader may read the news ({@link #read}), or for an agent of the commune any news's. */
    public Optional<Image> image(SignedInUser reader, long id) {
        boolean agent = reader != null && StaffRoles.isAgentOfThisCommune(reader);
        if (!agent && !readable(reader, id)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select image_type, image from news where id = ?1 and image is not null")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(o -> new Image((String) ((Object[]) o)[0], (byte[]) ((Object[]) o)[1]));
    }

    /** Whether the news is online now and its audience reaches this reader (the pure rules of tenant-config). */
    private boolean readable(SignedInUser reader, long id) {
        List<?> rows = em.createNativeQuery("select published, publish_at, end_at, audience from news where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] r = (Object[]) rows.get(0);
        OffsetDateTime publishAt = Rows.time(r[1]);
        OffsetDateTime endAt = Rows.time(r[2]);
        if (NewsState.at((Boolean) r[0], publishAt == null ? null : publishAt.toInstant(),
                endAt == null ? null : endAt.toInstant(), clock.instant()) != NewsState.EN_LIGNE) {
            return false;
        }
        NewsAudience audience = NewsAudience.valueOf((String) r[3]);
        if (audience == NewsAudience.EVERYONE || reader != null && StaffRoles.isAgentOfThisCommune(reader)) {
            return true;
        }
        Long family = familyId(reader);
        return audience.reaches(longs("select activity_id from news_activity where news_id = ?1", id),
                family == null ? null : longs("select distinct r.activity_id from registration r join child c on c.id = r.child_id"
                        + " where c.family_id = ?1 and r.status = 'VALIDATED'", family));
    }

    /** The parent's family id; none for nobody, staff and accounts without a stored file. */
    private Long familyId(SignedInUser user) {
        if (user == null || StaffRoles.isStaff(user)) {
            return null;
        }
        try {
            Family f = files.fileOf(user);
            return f.getId();
        } catch (IllegalStateException | SecurityException e) {
            return null;
        }
    }

    private Set<Long> longs(String sql, long param) {
        Set<Long> ids = new HashSet<>();
        for (Object o : em.createNativeQuery(sql).setParameter(1, param).getResultList()) {
            ids.add(Rows.id(o));
        }
        return ids;
    }

    private static NewsTile tile(Object[] r) {
        return new NewsTile(Rows.id(r[0]), (String) r[1], (String) r[2], Rows.time(r[3]), "ACTIVITIES".equals(r[4]),
                (Boolean) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(),
                r[8] == null ? null : ((Number) r[8]).intValue());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Stores a news as it is, for everyone (demo data and tests; agents write through {@link NewsDesk}). */
    public News publish(News news) {
        em.persist(news);
        return news;
    }
}
