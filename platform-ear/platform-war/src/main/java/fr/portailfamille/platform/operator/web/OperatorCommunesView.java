package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.operator.CommuneOverview;
import fr.portailfamille.platform.operator.OperatorCommunes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code /operateur/communes.xhtml}: every commune with its status, schema, realm, counts and errors. */
@Named("operateurCommunesView")
@RequestScoped
public class OperatorCommunesView {

    @Inject
    OperatorCommunes communes;

    @Inject
    OperatorSession session;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "pf.base-domain", defaultValue = "localhost")
    String baseDomain;

    public String getBaseDomain() {
        return baseDomain;
    }

    private List<CommuneOverview> all;

    public List<CommuneOverview> getCommunes() {
        if (all == null) {
            all = communes.list(session.user());
        }
        return all;
    }

    public long getInError() {
        return getCommunes().stream().filter(CommuneOverview::isInError).count();
    }
}
