package fr.portailfamille.it;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.BillingMonth;
import fr.portailfamille.it.support.DeploymentOrder;
import fr.portailfamille.it.support.GeneratedFamilies;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.QueueSeed;
import fr.portailfamille.it.support.TestDays;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The two archives the tests deploy, each the platform WAR exactly as built, named ROOT.war so that
 * Payara Micro serves it at "/". Every test class asks for one of the two, so that classes in a row
 * asking for the same archive share one running Payara Micro (see
 * {@link fr.portailfamille.it.support.SharedPayaraMicro}): {@link #platformWar()} for the tests run as a
 * client (browser, HTTP), {@link #inContainerWar()} for the tests run inside Payara Micro.
 */
final class Deployments {

    private Deployments() {
    }

    /** The WAR as built, for tests that only talk to it from outside ({@code @Deployment(testable = false)}). */
    static WebArchive platformWar() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("pf.war")))
                .as(WebArchive.class);
    }

    /**
     * The WAR with every in-container test class of this package (each class with a testable
     * {@code @Deployment}, found in the compiled test classes, with its nested classes) and the helpers
     * they use inside the container: the same archive for all of them.
     */
    static WebArchive inContainerWar() {
        return platformWar().addClasses(inContainerTests().toArray(Class<?>[]::new))
                .addClasses(GeneratedFamilies.class, GeneratedFamilies.Family.class, QueueSeed.class, Mails.class,
                        BillingKit.class, BillingMonth.class, TestDays.class, ValidatedFamilies.class, ValidatedFamilies.Parent.class);
        // the pain.008.001.02 schema the direct-debit tests validate against is already in the WAR: at the root of
        // WEB-INF/lib/hbci4j-core, the jar whose JAXB classes write the file (Pain008.SCHEMA)
    }

    /** The test classes of this package that run inside the container, by name. */
    static List<Class<?>> inContainerTests() {
        try (Stream<Path> files = Files.list(Path.of(Deployments.class.getResource("Deployments.class").toURI()).getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("IT.class")).sorted()
                    .<Class<?>>map(n -> load(Deployments.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length())))
                    .filter(c -> DeploymentOrder.group(c) == 0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Deployments.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
