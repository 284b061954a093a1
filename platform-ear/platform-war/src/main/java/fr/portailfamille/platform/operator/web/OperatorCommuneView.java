package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.operator.CommuneOverview;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * {@code /operateur/commune.xhtml?slug=}: one commune, and its actions — suspend, resume, re-run the upgrade — each asked
 * first, then confirmed. Export, import and deletion (another piece of work) are to come in the "Archive" section.
 */
@Named("operateurCommuneView")
@ViewScoped
public class OperatorCommuneView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OperatorCommunes communes;

    @Inject
    OperatorSession session;

    private String slug;
    private CommuneOverview commune;
    /** The action waiting for its confirmation: {@code suspend}, {@code resume}, {@code upgrade} or null. */
    private String asked;

    public void load() {
        commune = slug == null ? null : communes.find(slug, session.user()).orElse(null);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public CommuneOverview getCommune() {
        return commune;
    }

    public String getAsked() {
        return asked;
    }

    public void askSuspend() {
        asked = "suspend";
    }

    public void askResume() {
        asked = "resume";
    }

    public void askUpgrade() {
        asked = "upgrade";
    }

    public void cancel() {
        asked = null;
    }

    public void confirm() {
        String action = asked;
        asked = null;
        if (commune == null || action == null) {
            return;
        }
        try {
            commune = switch (action) {
                case "suspend" -> communes.suspend(commune.getSlug(), session.user());
                case "resume" -> communes.resume(commune.getSlug(), session.user());
                default -> communes.upgrade(commune.getSlug(), session.user());
            };
            FormErrors.info(switch (action) {
                case "suspend" -> "La commune « " + commune.getName() + " » est suspendue : ses familles voient la page"
                        + " « portail suspendu » et son royaume refuse les connexions.";
                case "resume" -> "La commune « " + commune.getName() + " » est de nouveau servie.";
                default -> "FAILED".equals(commune.getSchemaState())
                        ? "La mise à niveau a échoué : " + commune.getSchemaError()
                        : "Mise à niveau faite : schéma en version " + commune.getSchemaVersion() + ".";
            });
        } catch (ProvisioningException e) {
            FormErrors.error(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
            load();
        } catch (OperatorCommunes.UnknownCommune e) {
            FormErrors.error(e.getMessage());
            commune = null;
        }
    }
}
