package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.QueueSeed;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.booking.CertificateQueue;
import fr.portailfamille.platform.booking.ValidationQueue;
import fr.portailfamille.platform.family.FileQueue;
import fr.portailfamille.platform.family.RequestQueue;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.registration.RegistrationQueue;
import fr.portailfamille.platform.registration.SchoolQueue;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.openqa.selenium.By;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The six agents' queues through their services, inside Payara Micro against the real database: each
 * counts and pages in SQL and decides behind its role check — an agent decides files, requests,
 * registrations, school requests and bookings (bulk acceptance all or nothing); health requests and
 * certificates are for agent-sante only; a parent and an agent of another commune are refused
 * everything, and an agent of another commune never reaches this commune's items. Then the six pages in
 * Chromium (as a client): each axe-checked under the Content-Security-Policy (PrimeFaces' CSP mode), its lazy
 * table sorted latest first, one item accepted in the decision dialog, one refused (first without a reason:
 * the message is next to the field), two accepted at once where it is safe.
 */
@ExtendWith(ArquillianExtension.class)
class QueuesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    FileQueue files;

    @Inject
    RequestQueue requests;

    @Inject
    RegistrationQueue registrations;

    @Inject
    SchoolQueue schools;

    @Inject
    ValidationQueue bookings;

    @Inject
    CertificateQueue certificates;

    @Inject
    fr.portailfamille.platform.family.FamilyDesk familyDesk;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    static final SignedInUser AGENT = user("alpha", "agent@alpha.test", "agent");
    static final SignedInUser SANTE = user("alpha", "sante@alpha.test", "agent", "agent-sante");
    static final SignedInUser PARENT = user("alpha", "parent@alpha.test", "parent");
    static final SignedInUser BETA_AGENT = user("beta", "agent@beta.test", "agent", "agent-sante");

    static SignedInUser user(String slug, String email, String... roles) {
        return new SignedInUser(slug, UUID.randomUUID().toString(), email, email, true, List.of(roles), null);
    }

    Commune alpha() {
        return directory.bySlug("alpha").orElseThrow();
    }

    Commune beta() {
        return directory.bySlug("beta").orElseThrow();
    }

    <T> T in(Commune c, Callable<T> work) throws Exception {
        return TenantContext.call(c, work);
    }

    void run(Commune c, Executable work) throws Exception {
        in(c, () -> {
            try {
                work.execute();
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /** The queues' items of a new suffix, in alpha. */
    String seed() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        in(alpha(), () -> {
            tx.begin();
            for (String sql : QueueSeed.statements(s)) {
                em.joinTransaction();
                em.createNativeQuery(sql).executeUpdate();
            }
            tx.commit();
            return null;
        });
        return s;
    }

    List<Long> ids(String sql) throws Exception {
        return in(alpha(), () -> em.createNativeQuery(sql).getResultList().stream().map(o -> ((Number) o).longValue()).toList());
    }

    String status(String table, long id) throws Exception {
        return in(alpha(), () -> (String) em.createNativeQuery("select status from " + table + " where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    List<Long> fileIds(String s) throws Exception {
        return ids("select id from family where label like 'Foyer Dossier " + s + " %' order by label");
    }

    List<Long> requestIds(String s, String type) throws Exception {
        return ids("select r.id from change_request r join family f on f.id = r.family_id where f.label = '"
                + QueueSeed.requestFamily(s) + "' and r.type = '" + type + "' order by r.id");
    }

    List<Long> registrationIds(String s) throws Exception {
        return ids("select r.id from registration r join activity a on a.id = r.activity_id where a.code = 'Q-"
                + s.toUpperCase() + "' order by r.id");
    }

    List<Long> schoolIds(String s) throws Exception {
        return ids("select e.id from school_enrolment e join establishment x on x.id = e.establishment_id where x.code = 'Q-"
                + s.toUpperCase() + "' order by e.id");
    }

    List<Long> bookingIds(String s) throws Exception {
        return ids("select b.id from booking b join activity_unit u on u.id = b.unit_id join activity a on a.id = u.activity_id"
                + " where a.code = 'Q-" + s.toUpperCase() + "' and b.status = 'PENDING_VALIDATION' order by b.day");
    }

    List<Long> absenceIds(String s) throws Exception {
        return ids("select x.id from absence x join booking b on b.id = x.booking_id join activity_unit u on u.id = b.unit_id"
                + " join activity a on a.id = u.activity_id where a.code = 'Q-" + s.toUpperCase() + "' order by b.day");
    }

    void refused(SignedInUser who, Executable call) {
        SecurityException e = assertThrows(SecurityException.class, () -> run(alpha(), call));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void parentsAndAgentsOfAnotherCommuneAreRefusedEveryQueue() throws Exception {
        String s = seed();
        long file = fileIds(s).get(0);
        long request = requestIds(s, "ADRESSE").get(0);
        long registration = registrationIds(s).get(0);
        long school = schoolIds(s).get(0);
        long booking = bookingIds(s).get(0);
        long absence = absenceIds(s).get(0);
        for (SignedInUser who : List.of(PARENT, BETA_AGENT)) {
            String expected = who == PARENT ? StaffRoles.NOT_STAFF : StaffRoles.OTHER_COMMUNE;
            for (Executable call : List.<Executable>of(
                    () -> files.count(who), () -> files.page(who, 0, 20, Sort.DEFAULT), () -> files.validate(who, file),
                    () -> files.refuse(who, file, "non", "http://x"), () -> files.validateAll(who, List.of(file)),
                    () -> requests.count(who), () -> requests.page(who, 0, 20, Sort.DEFAULT), () -> requests.accept(who, request),
                    () -> requests.refuse(who, request, "non"),
                    () -> registrations.count(who), () -> registrations.page(who, 0, 20, Sort.DEFAULT),
                    () -> registrations.decide(who, registration, true, null), () -> registrations.acceptAll(who, List.of(registration)),
                    () -> schools.count(who), () -> schools.page(who, 0, 20, Sort.DEFAULT),
                    () -> schools.decide(who, school, true, null), () -> schools.acceptAll(who, List.of(school)),
                    () -> bookings.count(who), () -> bookings.page(who, 0, 20, Sort.DEFAULT),
                    () -> bookings.decide(who, booking, true, null), () -> bookings.acceptAll(who, List.of(booking)),
                    () -> certificates.count(who), () -> certificates.page(who, 0, 20, Sort.DEFAULT),
                    () -> certificates.review(who, absence, true, null))) {
                SecurityException e = assertThrows(SecurityException.class, () -> run(alpha(), call));
                assertEquals(expected, e.getMessage());
            }
        }
        assertEquals("SUBMITTED", status("family", file));
        assertEquals("PENDING", status("change_request", request));
        assertEquals("SUBMITTED", status("registration", registration));
        assertEquals("SUBMITTED", status("school_enrolment", school));
        assertEquals("PENDING_VALIDATION", status("booking", booking));
        assertEquals(0L, in(alpha(), () -> ((Number) em.createNativeQuery("select count(*) from absence where id = ?1"
                + " and reviewed_at is not null").setParameter(1, absence).getSingleResult()).longValue()));
    }

    @Test
    void anAgentOfAnotherCommuneNeverReachesThisCommunesItems() throws Exception {
        String s = seed();
        long file = fileIds(s).get(0);
        long request = requestIds(s, "ADRESSE").get(0);
        long registration = registrationIds(s).get(0);
        long school = schoolIds(s).get(0);
        long booking = bookingIds(s).get(0);
        long absence = absenceIds(s).get(0);
        // signed in to beta, working in beta: alpha's ids are not there (another schema)
        for (Executable call : List.<Executable>of(() -> files.validate(BETA_AGENT, file),
                () -> requests.accept(BETA_AGENT, request), () -> registrations.decide(BETA_AGENT, registration, true, null),
                () -> schools.decide(BETA_AGENT, school, true, null), () -> bookings.decide(BETA_AGENT, booking, true, null),
                () -> certificates.review(BETA_AGENT, absence, true, null))) {
            assertThrows(RuntimeException.class, () -> run(beta(), call));
        }
        assertTrue(in(beta(), () -> files.page(BETA_AGENT, 0, 100, Sort.DEFAULT)).stream().noneMatch(f -> f.id() == file));
        assertEquals("SUBMITTED", status("family", file));
        assertEquals("PENDING", status("change_request", request));
        assertEquals("SUBMITTED", status("registration", registration));
        assertEquals("SUBMITTED", status("school_enrolment", school));
        assertEquals("PENDING_VALIDATION", status("booking", booking));
    }

    @Test
    void anAgentDecidesFilesOneByOneWithAReasonOrSeveralAtOnce() throws Exception {
        String s = seed();
        List<Long> ids = fileIds(s);
        long before = in(alpha(), () -> files.count(AGENT));
        List<FileQueue.FileToValidate> page = in(alpha(), () -> files.page(AGENT, 0, 100, new Sort("submittedAt", false)));
        assertEquals(QueueSeed.family(s, 4), page.get(0).label(), "latest first when sorted so");
        run(alpha(), () -> files.validate(AGENT, ids.get(0)));
        List<FieldError> noReason = in(alpha(), () -> files.refuse(AGENT, ids.get(1), " ", "http://alpha.localhost/espace/foyer.xhtml"));
        assertEquals(List.of("reason"), noReason.stream().map(FieldError::field).toList());
        assertEquals(List.of(), in(alpha(), () -> files.refuse(AGENT, ids.get(1), "Pièce manquante", "http://alpha.localhost/espace/foyer.xhtml")));
        // all or nothing: one file already validated, so none of the three is
        Refused decided = assertThrows(Refused.class, () -> run(alpha(), () -> files.validateAll(AGENT, List.of(ids.get(2), ids.get(0), ids.get(3)))));
        assertEquals("Ce dossier n'attend pas de validation.", decided.getMessage());
        assertEquals("SUBMITTED", status("family", ids.get(2)));
        assertEquals(2, in(alpha(), () -> files.validateAll(AGENT, List.of(ids.get(2), ids.get(3)))));
        assertEquals(List.of("VALIDATED", "DRAFT", "VALIDATED", "VALIDATED"),
                List.of(status("family", ids.get(0)), status("family", ids.get(1)), status("family", ids.get(2)), status("family", ids.get(3))));
        assertEquals(before - 4, in(alpha(), () -> files.count(AGENT)));
    }

    @Test
    void anAgentDecidesRegistrationsSchoolRequestsAndBookings() throws Exception {
        String s = seed();
        List<Long> reg = registrationIds(s);
        List<RegistrationQueue.RegistrationToDecide> regPage = in(alpha(), () -> registrations.page(AGENT, 0, 100,
                new Sort("submittedAt", false)));
        assertEquals(reg.get(3), regPage.get(0).id());
        assertTrue(regPage.stream().anyMatch(r -> r.id() == reg.get(0) && r.documents().size() == 1
                && r.documents().get(0).fileName().equals("attestation-" + s + ".pdf")));
        run(alpha(), () -> registrations.decide(AGENT, reg.get(0), true, null));
        Refused noReason = assertThrows(Refused.class, () -> run(alpha(), () -> registrations.decide(AGENT, reg.get(1), false, "")));
        assertEquals("reason", noReason.field());
        run(alpha(), () -> registrations.decide(AGENT, reg.get(1), false, "Complet"));
        assertEquals(2, in(alpha(), () -> registrations.acceptAll(AGENT, List.of(reg.get(2), reg.get(3)))));
        assertEquals(List.of("VALIDATED", "REFUSED", "VALIDATED", "VALIDATED"), reg.stream().map(id -> {
            try {
                return status("registration", id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList());

        List<Long> sch = schoolIds(s);
        run(alpha(), () -> schools.decide(AGENT, sch.get(0), true, null));
        assertThrows(Refused.class, () -> run(alpha(), () -> schools.decide(AGENT, sch.get(1), false, null)));
        run(alpha(), () -> schools.decide(AGENT, sch.get(1), false, "Hors secteur"));
        Refused decided = assertThrows(Refused.class, () -> run(alpha(), () -> schools.acceptAll(AGENT, List.of(sch.get(2),
                sch.get(1)))));
        // the row that stops the selection named, by its child and school
        String named = (String) in(alpha(), () -> em.createNativeQuery("select c.first_name || ' ' || c.last_name"
                + " from school_enrolment s join child c on c.id = s.child_id where s.id = ?1").setParameter(1, sch.get(1))
                .getSingleResult());
        assertTrue(decided.getMessage().startsWith("Inscription scolaire de " + named + " – "), decided.getMessage());
        assertEquals("SUBMITTED", status("school_enrolment", sch.get(2)), "all or nothing");
        assertEquals(2, in(alpha(), () -> schools.acceptAll(AGENT, List.of(sch.get(2), sch.get(3)))));

        List<Long> book = bookingIds(s);
        long before = in(alpha(), () -> bookings.count(AGENT));
        List<ValidationQueue.BookingToValidate> bookPage = in(alpha(), () -> bookings.page(AGENT, 0, 2, new Sort("day", false)));
        assertEquals(2, bookPage.size(), "one page of the size asked");
        assertEquals(book.get(3), bookPage.get(0).id(), "the latest day first");
        run(alpha(), () -> bookings.decide(AGENT, book.get(0), true, null));
        run(alpha(), () -> bookings.decide(AGENT, book.get(1), false, "Sortie réservée aux CM2"));
        assertEquals(2, in(alpha(), () -> bookings.acceptAll(AGENT, List.of(book.get(2), book.get(3)))));
        assertEquals(List.of("BOOKED", "REFUSED", "BOOKED", "BOOKED"), book.stream().map(id -> {
            try {
                return status("booking", id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList());
        assertEquals(before - 4, in(alpha(), () -> bookings.count(AGENT)));
    }

    @Test
    void healthRequestsAndCertificatesAreForAgentSanteOnly() throws Exception {
        String s = seed();
        long health = requestIds(s, "SANTE").get(0);
        List<Long> address = requestIds(s, "ADRESSE");
        // an agent without agent-sante: the health request is neither counted, listed nor decided
        List<RequestQueue.RequestToDecide> agentPage = in(alpha(), () -> requests.page(AGENT, 0, 100, new Sort("createdAt", false)));
        assertTrue(agentPage.stream().noneMatch(r -> r.id() == health));
        assertTrue(agentPage.stream().anyMatch(r -> r.id() == address.get(0)));
        assertTrue(in(alpha(), () -> requests.hiddenHealth(AGENT)) >= 1);
        assertEquals(in(alpha(), () -> requests.count(SANTE)), in(alpha(), () -> requests.count(AGENT) + requests.hiddenHealth(AGENT)));
        refused(AGENT, () -> requests.accept(AGENT, health));
        refused(AGENT, () -> requests.refuse(AGENT, health, "non"));
        refused(AGENT, () -> certificates.page(AGENT, 0, 20, Sort.DEFAULT));
        long absence = absenceIds(s).get(0);
        refused(AGENT, () -> certificates.review(AGENT, absence, true, null));
        // the agent decides the other requests
        run(alpha(), () -> requests.accept(AGENT, address.get(0)));
        assertEquals(List.of("reason"), in(alpha(), () -> requests.refuse(AGENT, address.get(1), null)).stream().map(FieldError::field).toList());
        assertEquals(List.of(), in(alpha(), () -> requests.refuse(AGENT, address.get(1), "Justificatif manquant")));
        assertEquals("87100", in(alpha(), () -> em.createNativeQuery("select f.postcode from family f join change_request r"
                + " on r.family_id = f.id where r.id = " + address.get(0)).getSingleResult()));

        // agent-sante: lists (audited) and decides both
        List<RequestQueue.RequestToDecide> santePage = in(alpha(), () -> requests.page(SANTE, 0, 100, new Sort("createdAt", false)));
        assertTrue(santePage.stream().anyMatch(r -> r.id() == health && r.health()));
        // the family's children named, in the file's order its positions follow (« Enfant 1 (…) – Allergies »)
        assertEquals(List.of(QueueSeed.child(s, 1), QueueSeed.child(s, 2), QueueSeed.child(s, 3), QueueSeed.child(s, 4)),
                santePage.stream().filter(r -> r.id() == health).findFirst().orElseThrow().children());
        assertEquals(0L, in(alpha(), () -> requests.hiddenHealth(SANTE)));
        run(alpha(), () -> requests.accept(SANTE, health));
        assertEquals("ACCEPTED", status("change_request", health));
        // a health request's reason in the family's history: agent-sante's only (the address request's, every agent's)
        in(alpha(), () -> {
            tx.begin();
            em.joinTransaction();
            em.createNativeQuery("update change_request set status = 'REFUSED', reason = 'PAI arachide non signé' where id = "
                    + health).executeUpdate();
            tx.commit();
            return null;
        });
        long family = ids("select family_id from change_request where id = " + health).get(0);
        java.util.function.Function<SignedInUser, List<String>> reasons = who -> {
            try {
                return in(alpha(), () -> familyDesk.historyOf(who, family)).changes().stream()
                        .map(c -> c.type() + ":" + c.reason()).toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertTrue(reasons.apply(SANTE).contains("SANTE:PAI arachide non signé"), reasons.apply(SANTE).toString());
        assertTrue(reasons.apply(AGENT).contains("SANTE:null"), reasons.apply(AGENT).toString());
        assertTrue(reasons.apply(AGENT).stream().noneMatch(r -> r.contains("PAI")), reasons.apply(AGENT).toString());
        List<CertificateQueue.CertificateToReview> certs = in(alpha(), () -> certificates.page(SANTE, 0, 100, new Sort("day", false)));
        assertTrue(certs.stream().anyMatch(c -> c.absenceId() == absence && c.fileName().equals("certificat-1-" + s + ".pdf")));
        assertTrue(in(alpha(), () -> ((Number) em.createNativeQuery("select count(*) from audit_log where actor = 'sante@alpha.test'"
                + " and action = 'LECTURE_SANTE'").getSingleResult()).longValue()) >= 2, "health reads audited");
        long second = absenceIds(s).get(1);
        run(alpha(), () -> certificates.review(SANTE, absence, true, null));
        Refused noReason = assertThrows(Refused.class, () -> run(alpha(), () -> certificates.review(SANTE, second, false, " ")));
        assertEquals("reason", noReason.field());
        run(alpha(), () -> certificates.review(SANTE, second, false, "Certificat illisible"));
        assertEquals(List.of("ABSENT_EXCUSED", "ABSENT_BILLED"), in(alpha(), () -> em.createNativeQuery("select b.status"
                + " from absence x join booking b on b.id = x.booking_id where x.id in (" + absence + ", " + second + ")"
                + " order by b.day").getResultList()));
    }

    @Test
    @RunAsClient
    void agentsWorkEveryQueueInChromiumWithTheDialogAndTheSelection() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            for (String sql : QueueSeed.statements(s)) {
                st.execute(sql);
            }
        }
        String last = QueueSeed.childLastName(s);
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            b.get(QueueWalk.BASE + "/agent/index.xhtml");
            b.signIn(StackLauncher.healthAgent(ALPHA), StackLauncher.PASSWORD_AGENT);
            b.awaitUrlStartingWith(QueueWalk.BASE + "/agent/index.xhtml");
            b.await(By.id("queue-menu-dossiers"));
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil agents");

            QueueWalk.open(b, "dossiers", "Envoyé le");
            // the hour a file was sent is the commune's (Paris), whatever the server's zone or the value's offset
            java.util.regex.Matcher sent = java.util.regex.Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
                    .matcher(b.driver.findElement(By.xpath(QueueWalk.TABLE + "//tbody/tr[1]")).getText().replace('\n', ' '));
            assertTrue(sent.find(), "the latest file's date and hour");
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(sent.group(),
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
            assertTrue(java.time.Duration.between(at, TestDays.now()).abs().toMinutes() < 10,
                    "sent at " + at + ", now in Paris " + TestDays.now());
            // on a phone the queue is a card per file across the screen (the staff home's tile style once squeezed its
            // table into a 6 px column)
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            b.driver.navigate().refresh();
            org.openqa.selenium.WebElement table = b.await(By.xpath(QueueWalk.TABLE + "//table"));
            assertTrue(table.getSize().getWidth() > 280, "the queue's table on a phone: " + table.getSize());
            // on a tablet, columns sized by what they hold: PrimeFaces' fixed layout gave the checkbox column a sixth of
            // the width and broke "Décider" into "Déc/ider"
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1000));
            b.driver.navigate().refresh();
            org.openqa.selenium.WebElement decide = b.await(By.xpath(QueueWalk.TABLE + "//tbody/tr[1]//button"));
            org.openqa.selenium.WebElement select = b.driver.findElement(By.xpath(QueueWalk.TABLE + "//thead//th[1]"));
            assertTrue(decide.getSize().getHeight() < 50, "\"Décider\" on one line: " + decide.getSize());
            assertTrue(select.getSize().getWidth() < 90, "the checkbox column: " + select.getSize());
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            b.driver.navigate().refresh();
            b.await(By.xpath(QueueWalk.TABLE + "//tbody/tr[1]"));
            long before = Long.parseLong(b.driver.findElement(By.cssSelector("#menu-dossiers .pf-menu-count")).getText()
                    .replaceAll("\\D", ""));
            QueueWalk.decide(b, QueueSeed.family(s, 4), true, "Dossier validé");
            // the menu's count follows the decision, made without reloading the page
            assertEquals(before - 1, Long.parseLong(b.driver.findElement(By.cssSelector("#menu-dossiers .pf-menu-count"))
                    .getText().replaceAll("\\D", "")));
            QueueWalk.refuse(b, QueueSeed.family(s, 3), "Indiquez le motif du refus : il est envoyé à la famille.",
                    "Pièce d'identité illisible", "Dossier refusé");
            QueueWalk.bulk(b, List.of(QueueSeed.family(s, 2), QueueSeed.family(s, 1)), "2 dossiers validés");

            QueueWalk.open(b, "demandes", "Envoyé le");
            // a family quotient's request: the attestation the family sent is beside it, to open
            QueueWalk.click(b, By.xpath(QueueWalk.row("620") + "//button[contains(@id,':decide')]"));
            b.await(By.id("decision:reason"));
            String proof = "attestation-caf-" + s + ".pdf, datée du " + TestDays.today().minusDays(20)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " (validé)";
            assertEquals(proof, b.await(By.cssSelector("#proofs a")).getText());
            assertTrue(b.driver.findElement(By.cssSelector("#proofs a")).getAttribute("href").contains("/agent/document-famille?id="));
            assertEquals("", b.accessibilityViolations(), "axe-core, a family quotient's request with its attestation");
            QueueWalk.click(b, By.id("decision:accept"));
            QueueWalk.awaitMessage(b, "Demande acceptée");
            QueueWalk.decide(b, "87200", true, "Demande acceptée");
            QueueWalk.refuse(b, "87100", "Indiquez le motif du refus : il est envoyé à la famille.", "Justificatif manquant",
                    "Demande refusée");

            QueueWalk.open(b, "inscriptions", "Envoyé le");
            QueueWalk.decide(b, "Enfant4 " + last, true, "Inscription validée");
            QueueWalk.refuse(b, "Enfant3 " + last, "Indiquez le motif du refus : il est envoyé à la famille.", "Groupe complet",
                    "Inscription refusée");
            QueueWalk.bulk(b, List.of("Enfant2 " + last, "Enfant1 " + last), "2 inscriptions validées");

            QueueWalk.open(b, "scolaires", "Envoyé le");
            QueueWalk.decide(b, "Enfant4 " + last, true, "Inscription scolaire acceptée");
            QueueWalk.refuse(b, "Enfant3 " + last, "Indiquez le motif du refus : il est envoyé à la famille.", "Hors secteur",
                    "Inscription scolaire refusée");
            QueueWalk.bulk(b, List.of("Enfant2 " + last, "Enfant1 " + last), "2 inscriptions scolaires acceptées");

            QueueWalk.open(b, "reservations", "Jour");
            QueueWalk.decide(b, "Enfant4 " + last, true, "Réservation validée");
            QueueWalk.refuse(b, "Enfant3 " + last, "Indiquez le motif du refus : il est envoyé à la famille.", "Sortie réservée aux CM2",
                    "Réservation refusée");
            QueueWalk.bulk(b, List.of("Enfant2 " + last, "Enfant1 " + last), "2 réservations validées");

            QueueWalk.open(b, "certificats", "Jour");
            assertTrue(b.driver.findElement(By.xpath(QueueWalk.row("Enfant1 " + last))).getText()
                    .contains("Fièvre depuis la veille\nvu par le médecin"), "the family's précisions, on their two lines");
            QueueWalk.decide(b, "Enfant2 " + last, true, "Certificat accepté");
            QueueWalk.refuse(b, "Enfant1 " + last, "Indiquez le motif du refus : il est envoyé à la famille.", "Certificat illisible",
                    "Certificat refusé");
            assertEquals("", PlatformWebIT.cspViolations(b), "Content-Security-Policy des files d'attente");
        }
        try (Browser agent = new Browser()) {
            agent.get(QueueWalk.BASE + "/agent/certificats.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(QueueWalk.BASE + "/agent/certificats.xhtml");
            assertTrue(agent.await(By.id("certificates-health-only")).getText().contains("agent-santé"));
            assertTrue(agent.driver.findElements(By.id("queue:table")).isEmpty());
            assertEquals("", agent.accessibilityViolations(), "axe-core, certificats sans agent-santé");

            // a registration holding a health document: listed, but neither its decision nor its tick offered to him
            // (one registration of the walk's child to an activity of its own, removed afterwards: the queues the later
            // walks sort stay as they were)
            String h = "QH-" + s.toUpperCase();
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                String kid;
                try (var rs = st.executeQuery("select min(id) from child where last_name = '" + last + "'")) {
                    rs.next();
                    kid = String.valueOf(rs.getLong(1));
                    assertFalse(rs.wasNull(), "the walk's children");
                }
                st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                        + " values ('" + h + "', 'Séjour " + s + "', 'SEJOUR', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
                st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at, submitted_at) select "
                        + kid + ", id, 'SUBMITTED', now(), now() from activity where code = '" + h + "'");
                st.execute("insert into registration_document (registration_id, label, file_name, content_type, content, health)"
                        + " select r.id, 'Fiche sanitaire', 'fiche.pdf', 'application/pdf', decode('255044462d312e340a', 'hex'),"
                        + " true from registration r join activity a on a.id = r.activity_id where a.code = '" + h + "'");
            }
            QueueWalk.open(agent, "inscriptions", "Envoyé le");
            String healthRow = QueueWalk.row("Séjour " + s);
            assertEquals("Décision réservée à un agent habilité santé (document de santé)",
                    agent.await(By.xpath(healthRow + "//span[contains(@class,'pf-not-decidable')]")).getText());
            assertTrue(agent.driver.findElements(By.xpath(healthRow + "//button[contains(@id,':decide')]")).isEmpty());
            assertTrue(agent.driver.findElement(By.xpath(healthRow + "//td[contains(@class,'ui-selection-column')]//div[contains(@class,'ui-chkbox-box')]"))
                    .getAttribute("class").contains("ui-state-disabled"), "its tick is disabled");
            assertEquals("", agent.accessibilityViolations(), "axe-core, inscriptions sans agent-santé");
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                st.execute("delete from registration where activity_id = (select id from activity where code = '" + h + "')");
                st.execute("delete from activity where code = '" + h + "'");
            }
        }
    }
}
