package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.operator.CommuneOverview;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /operateur/import.xhtml}: an archive (the file the commune's administrator exported, with its passphrase)
 * imported into a NEW commune — its slug, name, website, colours and domains given here; refused fields are said next
 * to them; once imported, the new commune's page.
 */
@Named("operateurImportView")
@ViewScoped
public class OperatorImportView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OperatorImportView.class.getName());

    @Inject
    OperatorCommunes communes;

    @Inject
    OperatorSession session;

    private final CommuneFields commune = new CommuneFields();
    private transient String passphrase;
    private transient Part archive;

    public String submit() {
        char[] phrase = passphrase == null ? null : passphrase.toCharArray();
        passphrase = null;
        CommuneSpec spec = new CommuneSpec(commune.getSlug(), commune.getName(), commune.getWebsiteUrl(), commune.getPrimaryColor(),
                commune.getAccentColor(), null, commune.domainList());
        CommuneOverview imported;
        try (InputStream in = archive == null || archive.getSize() == 0 ? null : archive.getInputStream()) {
            imported = communes.importArchive(spec, in, phrase, session.user(), OperatorSession.scheme(),
                    OperatorSession.portSuffix());
        } catch (ProvisioningException e) {
            FormErrors.show("form", e.errors().isEmpty() ? List.of(new FieldError("", e.getMessage())) : e.errors());
            return null;
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Import d'une archive en échec", e);
            FormErrors.error(e.getMessage() == null ? "L'import a échoué ; rien n'est gardé." : e.getMessage());
            return null;
        } finally {
            if (phrase != null) {
                Arrays.fill(phrase, '\0');
            }
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FormErrors.info("L'archive est importée dans la nouvelle commune « " + imported.getName() + " » : ses comptes"
                + " choisiront un nouveau mot de passe à leur prochaine connexion.");
        return "/operateur/commune.xhtml?faces-redirect=true&slug=" + imported.getSlug();
    }

    /** The commune typed on the form. */
    public CommuneFields getCommune() {
        return commune;
    }

    public String getPassphrase() {
        return null;
    }

    public void setPassphrase(String passphrase) {
        this.passphrase = passphrase;
    }

    public Part getArchive() {
        return archive;
    }

    public void setArchive(Part archive) {
        this.archive = archive;
    }
}
