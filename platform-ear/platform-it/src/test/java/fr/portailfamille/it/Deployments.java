package fr.portailfamille.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The platform WAR exactly as built, named ROOT.war so that Payara Micro serves it at "/". */
final class Deployments {

    private Deployments() {
    }

    static WebArchive platformWar() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("pf.war")))
                .as(WebArchive.class);
    }
}
