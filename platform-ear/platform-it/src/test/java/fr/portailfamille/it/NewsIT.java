package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.news.NewsState;
import fr.portailfamille.it.ValidatedFamilies.Parent;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.news.NewsDesk;
import fr.portailfamille.platform.news.NewsDesk.Action;
import fr.portailfamille.platform.news.NewsService;
import fr.portailfamille.platform.news.NewsTile;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Actualités against the real PostgreSQL inside Payara Micro: a news written, scheduled, published, expired and taken
 * offline is visible exactly while online; a targeted news reaches the families of its activity only (tiles and
 * detail by id, image too); images are checked on content (an executable renamed .png, an oversized file, a missing
 * alternative text: refused with the field, nothing saved); another commune never reaches a news, by its services
 * or by Host; a parent or an anonymous visitor reaches no agent page or action.
 */
@ExtendWith(ArquillianExtension.class)
class NewsIT {

    /** The start of a Windows executable ("MZ", the DOS stub), as renamed {@code photo.png}. */
    static final byte[] EXECUTABLE = ("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff"
            + "\u0000\u0000\u00b8" + "\u0000".repeat(43) + "\u0080\u0000\u0000\u0000"
            + "This program cannot be run in DOS mode.\r\r\n$").getBytes(StandardCharsets.ISO_8859_1);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    NewsDesk desk;

    @Inject
    NewsService news;

    @Inject
    ValidatedFamilies families;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    <T> T in(String slug, Callable<T> work) throws Exception {
        Commune c = directory.bySlug(slug).orElseThrow();
        return TenantContext.call(c, work);
    }

    <T> T alpha(Callable<T> work) throws Exception {
        return in("alpha", work);
    }

    void sql(String statement) throws Exception {
        alpha(() -> {
            tx.begin();
            em.createNativeQuery(statement).executeUpdate();
            tx.commit();
            return null;
        });
    }

    long number(String query) throws Exception {
        return alpha(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }


    /** A validated family with one child. */
    Parent family(String slug) throws Exception {
        return families.create(slug, "news");
    }

    static NewsDesk.Form form(String title, String body) {
        NewsDesk.Form f = new NewsDesk.Form();
        f.setTitle(title);
        f.setBody(body);
        return f;
    }

    /** Paris's wall-clock time {@code minutes} from now, counted on the clock (across a change of summer time too). */
    static LocalDateTime minutesFromNow(long minutes) {
        return java.time.ZonedDateTime.now(PlatformTime.ZONE).plusMinutes(minutes).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
    }

    /** A real PNG of this size, drawn here. */
    static byte[] png(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x1d, 0x4f, 0x91));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    NewsState state(SignedInUser agent, long id) throws Exception {
        return alpha(() -> desk.get(agent, id)).orElseThrow().state();
    }

    List<String> publicTitles() throws Exception {
        return alpha(() -> news.publicTiles(50)).stream().map(NewsTile::title).toList();
    }

    /** « Publier » clicked twice on a new news (the same form sent twice): one news, the second told where it is. */
    @Test
    void aNewNewsSentTwiceByTheSameFormIsCreatedOnce() throws Exception {
        SignedInUser agent = FamilyDocumentsIT.staff("alpha", "agent");
        String title = "Fête de l'école " + UUID.randomUUID().toString().substring(0, 6);
        NewsDesk.Form f = form(title, "Samedi 27 juin, dans la cour.");
        String token = fr.portailfamille.platform.kernel.FormTokens.next();
        // saved as a draft: published, it would push other tests' news off the families' tiles
        long id = alpha(() -> desk.save(agent, null, f, null, null, false, Action.SAVE, token));
        Refused twice = assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, null, null, false,
                Action.SAVE, token)));
        assertTrue(fr.portailfamille.platform.kernel.FormTokens.alreadySent(twice), twice.getMessage());
        assertEquals(java.util.Optional.of(id), alpha(() -> desk.createdBy(agent, token)));
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from news where title = ?1")
                .setParameter(1, title).getSingleResult()).longValue()));
    }

    @Test
    void aNewsIsVisibleExactlyWhileOnline() throws Exception {
        SignedInUser agent = FamilyDocumentsIT.staff("alpha", "agent");
        String title = "Vacances de février " + UUID.randomUUID().toString().substring(0, 6);
        NewsDesk.Form f = form(title, "L'accueil de loisirs ouvre du 9 au 20 février.\n\nInscriptions en janvier.");

        long id = alpha(() -> desk.save(agent, null, f, null, null, false, Action.SAVE));
        assertEquals(NewsState.BROUILLON, state(agent, id));
        assertFalse(publicTitles().contains(title), "brouillon : invisible");
        assertTrue(alpha(() -> news.read(null, id)).isEmpty());
        assertEquals(agent.email(), alpha(() -> desk.get(agent, id)).orElseThrow().author());

        // scheduled in two hours by a colleague: programmée, still invisible, its author still the first agent
        f.setPublishAt(minutesFromNow(120));
        SignedInUser colleague = new SignedInUser("alpha", UUID.randomUUID().toString(), "Collègue", "collegue@alpha.test",
                true, List.of("agent"), null);
        alpha(() -> desk.save(colleague, id, f, null, null, false, Action.PUBLISH));
        assertEquals(agent.email(), alpha(() -> desk.get(agent, id)).orElseThrow().author());
        assertEquals(NewsState.PROGRAMMEE, state(agent, id));
        assertFalse(publicTitles().contains(title), "programmée : invisible");
        assertTrue(alpha(() -> news.read(null, id)).isEmpty());
        assertEquals(1, alpha(() -> desk.count(agent, new NewsDesk.Filter(NewsState.PROGRAMMEE, null, title))));

        // its date reached (moved to ten minutes ago): online, for everyone, paragraphs kept
        f.setPublishAt(minutesFromNow(-10));
        alpha(() -> desk.save(agent, id, f, null, null, false, Action.SAVE));
        assertEquals(NewsState.EN_LIGNE, state(agent, id));
        assertTrue(publicTitles().contains(title), "en ligne");
        NewsTile read = alpha(() -> news.read(null, id)).orElseThrow();
        assertEquals(List.of(List.of("L'accueil de loisirs ouvre du 9 au 20 février."), List.of("Inscriptions en janvier.")),
                read.getParagraphs());
        assertEquals(List.of(title), alpha(() -> desk.search(agent, new NewsDesk.Filter(NewsState.EN_LIGNE, null, title),
                0, 20, Sort.DEFAULT)).stream().map(NewsDesk.Row::title).toList());

        // an end already passed is refused while published, nothing changes
        f.setEndAt(minutesFromNow(-1));
        Refused ended = assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, id, f, null, null, false, Action.SAVE)));
        assertEquals("endAt", ended.field());
        assertEquals(NewsState.EN_LIGNE, state(agent, id));
        f.setEndAt(minutesFromNow(-20));
        assertEquals("endAt", assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, id, f, null, null, false,
                Action.SAVE))).field(), "fin avant la publication");

        // expired (its end reached): terminée, invisible
        sql("update news set end_at = now() - interval '1 second' where id = " + id);
        assertEquals(NewsState.TERMINEE, state(agent, id));
        assertFalse(publicTitles().contains(title), "terminée : invisible");
        assertTrue(alpha(() -> news.read(null, id)).isEmpty());
        assertEquals(1, alpha(() -> desk.count(agent, new NewsDesk.Filter(NewsState.TERMINEE, null, title))));

        // taken offline: a draft again; deleted: gone
        f.setEndAt(null);
        alpha(() -> desk.save(agent, id, f, null, null, false, Action.UNPUBLISH));
        assertEquals(NewsState.BROUILLON, state(agent, id));
        assertFalse(publicTitles().contains(title));
        alpha(() -> {
            desk.delete(agent, id);
            return null;
        });
        assertTrue(alpha(() -> desk.get(agent, id)).isEmpty());
    }

    @Test
    void aTargetedNewsReachesOnlyTheFamiliesOfItsActivity() throws Exception {
        SignedInUser agent = FamilyDocumentsIT.staff("alpha", "agent");
        Parent in = family("alpha");
        Parent out = family("alpha");
        String code = "NEWS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sql("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values ('" + code + "', 'Club " + code + "', 'SPORT', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
        long activity = number("select id from activity where code = '" + code + "'");
        sql("insert into registration (child_id, activity_id, status, cgu_accepted_at) values (" + in.childId() + ", "
                + activity + ", 'VALIDATED', now())");
        // the other family's registration waits for a decision: not registered yet
        sql("insert into registration (child_id, activity_id, status, cgu_accepted_at) values (" + out.childId() + ", "
                + activity + ", 'SUBMITTED', now())");

        String title = "Tournoi du club " + code;
        NewsDesk.Form f = form(title, "Samedi, tournoi au gymnase.");
        f.setAudience("ACTIVITIES");
        assertEquals("activities", assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, null, null, false,
                Action.PUBLISH))).field(), "au moins une activité");
        f.setActivityIds(List.of(Long.MAX_VALUE));
        assertEquals("activities", assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, null, null, false,
                Action.PUBLISH))).field(), "une activité d'ailleurs");
        f.setActivityIds(List.of(activity));
        long id = alpha(() -> desk.save(agent, null, f, null, null, false, Action.PUBLISH));
        assertEquals("imageAlt", assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, id, f, "club.png",
                png(64, 48), false, Action.SAVE))).field(), "une image demande son texte alternatif");
        f.setImageAlt("Des enfants au gymnase");
        alpha(() -> desk.save(agent, id, f, "club.png", png(64, 48), false, Action.SAVE));
        String everyone = "Pour tous " + code;
        long forAll = alpha(() -> desk.save(agent, null, form(everyone, "Tout le monde."), null, null, false, Action.PUBLISH));

        // tiles: the registered family sees both, the other only the one for everyone, the public home never the targeted
        List<String> mine = alpha(() -> news.familyTiles(in.user(), 50)).stream().map(NewsTile::title).toList();
        assertTrue(mine.contains(title) && mine.contains(everyone), mine.toString());
        assertTrue(mine.indexOf(everyone) < mine.indexOf(title), "la plus récente d'abord : " + mine);
        List<String> theirs = alpha(() -> news.familyTiles(out.user(), 50)).stream().map(NewsTile::title).toList();
        assertFalse(theirs.contains(title), "famille d'une autre activité (inscription non validée)");
        assertTrue(theirs.contains(everyone));
        assertFalse(publicTitles().contains(title), "accueil public");
        assertTrue(publicTitles().contains(everyone));
        assertTrue(alpha(() -> news.familyTiles(in.user(), 50)).stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow().isTargeted());

        // the list of every news online (page actualites): the same reach, paged in SQL, a page beyond the last gives the last
        NewsService.NewsPage inAll = alpha(() -> news.list(in.user(), 1, 1000));
        NewsService.NewsPage outAll = alpha(() -> news.list(out.user(), 1, 1000));
        NewsService.NewsPage publicAll = alpha(() -> news.list(null, 1, 1000));
        List<String> listed = inAll.tiles().stream().map(NewsTile::title).toList();
        List<String> tiled = alpha(() -> news.familyTiles(in.user(), 50)).stream().map(NewsTile::title).toList();
        assertEquals(tiled, listed.subList(0, Math.min(50, listed.size())), "la liste, dans l'ordre des vignettes");
        assertEquals(outAll.total() + 1, inAll.total(), "l'actualité ciblée en plus pour la famille de l'activité");
        assertFalse(outAll.tiles().stream().anyMatch(t -> t.title().equals(title)));
        assertEquals(outAll.total(), publicAll.total(), "hors de l'activité, ce que voit le public");
        assertEquals(outAll.total(), alpha(() -> news.list(agent, 1, 1000)).total(), "un agent lit la liste publique");
        NewsService.NewsPage second = alpha(() -> news.list(in.user(), 2, 1));
        assertEquals(List.of(inAll.tiles().get(1).title()), second.tiles().stream().map(NewsTile::title).toList());
        assertEquals(inAll.total(), second.pages());
        assertTrue(second.hasPrevious() && second.hasNext() == inAll.total() > 2);
        NewsService.NewsPage beyond = alpha(() -> news.list(in.user(), 1_000_000, 1));
        assertEquals(inAll.total(), beyond.page());
        assertEquals(1, alpha(() -> news.list(in.user(), -3, 1)).page());

        // detail and image by id
        assertTrue(alpha(() -> news.read(in.user(), id)).isPresent());
        assertTrue(alpha(() -> news.read(out.user(), id)).isEmpty(), "autre famille, par identifiant");
        assertTrue(alpha(() -> news.read(null, id)).isEmpty(), "visiteur anonyme");
        assertTrue(alpha(() -> news.read(agent, id)).isPresent(), "agent de la commune");
        assertEquals("image/png", alpha(() -> news.image(in.user(), id)).orElseThrow().contentType());
        assertTrue(alpha(() -> news.image(out.user(), id)).isEmpty(), "image d'une autre famille");
        assertTrue(alpha(() -> news.image(null, id)).isEmpty());
        assertTrue(alpha(() -> news.read(out.user(), forAll)).isPresent());

        // a parent never reaches the agents' service
        assertThrows(SecurityException.class, () -> alpha(() -> desk.search(in.user(), null, 0, 10, Sort.DEFAULT)));
        assertThrows(SecurityException.class, () -> alpha(() -> desk.save(in.user(), id, f, null, null, false, Action.UNPUBLISH)));
        assertThrows(SecurityException.class, () -> alpha(() -> {
            desk.delete(in.user(), id);
            return null;
        }));
        assertEquals(NewsState.EN_LIGNE, state(agent, id));
    }

    @Test
    void imagesAreCheckedOnTheirContentAndNothingIsHalfSaved() throws Exception {
        SignedInUser agent = FamilyDocumentsIT.staff("alpha", "agent");
        String title = "Photo de classe " + UUID.randomUUID().toString().substring(0, 6);
        NewsDesk.Form f = form(title, "Les photos sont arrivées.");
        f.setImageAlt("La classe de CE1 devant l'école");

        Refused hostile = assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, "photo.png", EXECUTABLE,
                false, Action.PUBLISH)));
        assertEquals("image", hostile.field());
        assertEquals("L'image n'est pas un vrai fichier JPEG ou PNG (son contenu ne correspond pas à son type) : choisissez"
                + " une photo ou une illustration au format JPEG ou PNG.", hostile.getMessage());
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        assertEquals("image", assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, "photo.png", page,
                false, Action.PUBLISH))).field(), "une page renommée .png");
        assertEquals("image", assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, "photo.pdf",
                "%PDF-1.4\n%x\n".getBytes(StandardCharsets.US_ASCII), false, Action.PUBLISH))).field(), "un PDF");
        byte[] big = Arrays.copyOf(png(32, 32), 2 * 1024 * 1024 + 1);
        Refused oversize = assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, null, f, "grande.png", big, false,
                Action.PUBLISH)));
        assertEquals("image", oversize.field());
        assertTrue(oversize.getMessage().contains("dépasse 2 Mo"), oversize.getMessage());
        f.setImageAlt(" ");
        List<FieldError> all = alpha(() -> desk.problems(agent, null, f, "photo.png", EXECUTABLE, false, Action.PUBLISH));
        assertEquals(List.of("imageAlt", "image"), all.stream().map(FieldError::field).toList(), "tout à la fois");
        assertEquals(0, number("select count(*) from news where title = '" + title + "'"), "rien d'enregistré");

        f.setImageAlt("La classe de CE1 devant l'école");
        byte[] photo = png(120, 80);
        long id = alpha(() -> desk.save(agent, null, f, "photo.png", photo, false, Action.PUBLISH));
        NewsService.Image image = alpha(() -> news.image(null, id)).orElseThrow();
        assertEquals("image/png", image.contentType());
        assertArrayEquals(photo, image.content());
        NewsTile tile = alpha(() -> news.read(null, id)).orElseThrow();
        assertEquals(120, tile.imageWidth());
        assertEquals("La classe de CE1 devant l'école", tile.imageAlt());

        // a hostile replacement keeps the stored image; removing it leaves the news without one
        assertThrows(Refused.class, () -> alpha(() -> desk.save(agent, id, f, "autre.png", EXECUTABLE, false, Action.SAVE)));
        assertArrayEquals(photo, alpha(() -> news.image(null, id)).orElseThrow().content());
        alpha(() -> desk.save(agent, id, f, null, null, true, Action.SAVE));
        assertTrue(alpha(() -> news.image(null, id)).isEmpty());
        assertFalse(alpha(() -> news.read(null, id)).orElseThrow().image());
    }

    @Test
    void anotherCommuneNeverReachesANews() throws Exception {
        SignedInUser agent = FamilyDocumentsIT.staff("alpha", "agent");
        String title = "Seulement à Alpha " + UUID.randomUUID().toString().substring(0, 6);
        NewsDesk.Form f = form(title, "Alpha.");
        f.setImageAlt("Logo d'Alpha");
        byte[] photo = png(50, 50);
        long id = alpha(() -> desk.save(agent, null, f, "alpha.png", photo, false, Action.PUBLISH));

        assertFalse(in("beta", () -> news.publicTiles(50)).stream().anyMatch(t -> t.title().equals(title)));
        assertFalse(in("beta", () -> news.read(null, id)).map(NewsTile::title).filter(title::equals).isPresent(),
                "par identifiant chez beta");
        SignedInUser betaAgent = FamilyDocumentsIT.staff("beta", "agent");
        assertFalse(in("beta", () -> desk.get(betaAgent, id)).map(e -> e.form().getTitle()).filter(title::equals).isPresent());
        assertFalse(in("beta", () -> news.image(betaAgent, id)).map(i -> Arrays.equals(i.content(), photo)).orElse(false));
        assertThrows(Exception.class, () -> in("beta", () -> desk.count(agent, null)), "agent d'alpha chez beta");
        assertThrows(Exception.class, () -> in("beta", () -> desk.save(agent, null, form("Intrus", "x"), null, null, false,
                Action.PUBLISH)), "agent d'alpha chez beta");
    }

    @Test
    @RunAsClient
    void overHttpNoOtherCommuneAndNoParentReachesWhatIsNotTheirs() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String title = "Fête de l'école <script>alert('" + s + "')</script>";
        long everyone;
        long targeted;
        byte[] photo = png(40, 30);
        try (Connection c = PaymentWalkIT.db()) {
            everyone = PaymentWalkIT.id(c, "insert into news (title, body, published, publish_at, image, image_type, image_alt,"
                    + " image_width, image_height, author) values (?, ?, true, now(), ?, 'image/png',"
                    + " 'Affiche', 40, 30, 'test') returning id", title, "Ligne 1\nLigne <b>2</b>\n\nParagraphe 2", photo);
            targeted = PaymentWalkIT.id(c, "insert into news (title, body, published, publish_at, audience, image, image_type,"
                    + " image_alt, image_width, image_height, author) values (?, 'Réservé.', true, now() - interval '1 hour',"
                    + " 'ACTIVITIES', ?, 'image/png', 'Affiche', 40, 30, 'test') returning id", "Réservée " + s, photo);
        }
        String alpha = PlatformWebIT.host(StackLauncher.ALPHA);
        String beta = PlatformWebIT.host(StackLauncher.BETA);

        // the news for everyone, on its commune's host: shown, its text escaped, with its image
        HttpResponse<String> page = PlatformWebIT.get(alpha, "/actualite.xhtml?id=" + everyone, java.util.Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Fête de l&#39;école &lt;script&gt;") || page.body().contains("Fête de l'école &lt;script&gt;"),
                "titre échappé");
        assertFalse(page.body().contains("<script>alert('" + s), "aucun script d'un agent");
        assertTrue(page.body().contains("Ligne 1<br />Ligne &lt;b&gt;2&lt;/b&gt;") || page.body().contains("Ligne 1<br/>Ligne &lt;b&gt;2&lt;/b&gt;"),
                page.body());
        HttpResponse<byte[]> image = bytes(alpha, "/actualites/image?id=" + everyone, null);
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertArrayEquals(photo, image.body());

        // the same ids on another commune's host: never this news nor its image
        HttpResponse<String> other = PlatformWebIT.get(beta, "/actualite.xhtml?id=" + everyone, java.util.Map.of());
        assertFalse(other.body().contains(s), "autre commune par Host");
        HttpResponse<byte[]> otherImage = bytes(beta, "/actualites/image?id=" + everyone, null);
        assertFalse(Arrays.equals(photo, otherImage.body()), "image d'une autre commune");
        assertFalse(PlatformWebIT.get(beta, "/", java.util.Map.of()).body().contains(s), "accueil public de beta");

        // a targeted news for an anonymous visitor: 404, image too; the public home does not list it
        assertEquals(404, PlatformWebIT.get(alpha, "/actualite.xhtml?id=" + targeted, java.util.Map.of()).statusCode());
        assertEquals(404, bytes(alpha, "/actualites/image?id=" + targeted, null).statusCode());
        String home = PlatformWebIT.get(alpha, "/", java.util.Map.of()).body();
        assertFalse(home.contains("Réservée " + s), "accueil public : pas d'actualité ciblée");
        assertTrue(home.contains(s), "accueil public : l'actualité pour tous");
        assertEquals(404, PlatformWebIT.get(alpha, "/actualite.xhtml?id=999999999", java.util.Map.of()).statusCode());
        // the list of every news: for everyone on its host, escaped, without the targeted; never on another host
        String list = PlatformWebIT.get(alpha, "/actualites.xhtml", java.util.Map.of()).body();
        assertTrue(list.contains(s) && !list.contains("<script>alert('" + s), "liste : l'actualité pour tous, échappée");
        assertFalse(list.contains("Réservée " + s), "liste publique : pas d'actualité ciblée");
        assertFalse(PlatformWebIT.get(beta, "/actualites.xhtml", java.util.Map.of()).body().contains(s), "liste de beta");
        assertTrue(PlatformWebIT.get(alpha, "/actualites.xhtml?page=abc", java.util.Map.of()).body()
                .contains("Numéro de page invalide."), "une page qui n'est pas un nombre");

        // agent pages: an anonymous visitor is sent to sign in, a parent is refused (403), their posts too
        long before;
        try (Connection c = PaymentWalkIT.db()) {
            before = PaymentWalkIT.id(c, "select count(*) from news");
        }
        HttpResponse<String> anonymous = PlatformWebIT.get(alpha, "/agent/actualites.xhtml", java.util.Map.of());
        assertNotEquals(200, anonymous.statusCode());
        HttpResponse<String> anonymousPost = post(alpha, "/agent/actualite.xhtml", null, "news=news&news%3Atitle=Intrus");
        assertNotEquals(200, anonymousPost.statusCode());
        String parent = "news-parent-" + s + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), parent, "Camille", "News",
                StackLauncher.PASSWORD_PARENT, "parent");
        String cookies = NewsWalk.signedInCookies("/espace/accueil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
        assertEquals(403, PlatformWebIT.get(alpha, "/agent/actualites.xhtml", java.util.Map.of("Cookie", cookies)).statusCode());
        assertEquals(403, PlatformWebIT.get(alpha, "/agent/actualite.xhtml?id=" + everyone, java.util.Map.of("Cookie", cookies))
                .statusCode());
        assertEquals(403, post(alpha, "/agent/actualite.xhtml?id=" + everyone, cookies,
                "news=news&news%3Atitle=Intrus&news%3Aunpublish=Retirer").statusCode());
        assertEquals(403, post(alpha, "/agent/actualites.xhtml", cookies, "list=list").statusCode());
        assertEquals(404, bytes(alpha, "/actualites/image?id=" + targeted, cookies).statusCode(),
                "un parent hors de l'activité");
        try (Connection c = PaymentWalkIT.db()) {
            assertEquals(before, PaymentWalkIT.id(c, "select count(*) from news"));
            assertEquals(1, PaymentWalkIT.id(c, "select count(*) from news where id = ? and published", everyone));
        }
    }

    static HttpResponse<byte[]> bytes(String host, String path, String cookies) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", host).timeout(Duration.ofSeconds(30));
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        return PlatformWebIT.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> post(String host, String path, String cookies, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", host).header("Origin", "http://" + host)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        return PlatformWebIT.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
