package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.operator.Onboarding;
import fr.portailfamille.platform.operator.OnboardingJob;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /operateur/import.xhtml}: an archive (the file the commune's administrator exported, with its passphrase)
 * imported into a NEW commune — its slug, name, website, colours and domains given here; fields refused without reading
 * the archive are said next to them at once. Then the import runs in the background and its steps show as they run,
 * like an onboarding's (the page polls its job, read in the platform schema: whichever replica serves the poll shows
 * them), ending with a link to the new commune; a failed import is given again ("Relancer l'import": the form back,
 * filled as before, the file and passphrase to give again — neither is kept — and a wrong passphrase said next to its
 * field).
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
    private String jobId;
    private transient Optional<OnboardingJob> loaded;
    private transient Object loadedFor;

    /** Sends the form: the fields checked, the archive received, then the import started; its steps show below. */
    public void submit() {
        char[] phrase = passphrase == null ? null : passphrase.toCharArray();
        passphrase = null;
        CommuneSpec spec = new CommuneSpec(commune.getSlug(), commune.getName(), commune.getWebsiteUrl(),
                commune.getPrimaryColor(), commune.getAccentColor(), null, commune.domainList());
        try (InputStream in = archive == null || archive.getSize() == 0 ? null : archive.getInputStream()) {
            jobId = communes.startImport(spec, in, archive == null ? null : archive.getSubmittedFileName(), phrase,
                    session.user(), OperatorSession.scheme(), OperatorSession.portSuffix()).getId();
            loaded = null;
        } catch (ProvisioningException e) {
            FormErrors.show("form", e.errors().isEmpty() ? List.of(new FieldError("", e.text())) : e.errors());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Archive non reçue", e);
            FormErrors.show("form", List.of(new FieldError("archive", Texts.of("operator.import.notReceived"))));
        } finally {
            if (phrase != null) {
                Arrays.fill(phrase, '\0');
            }
        }
    }

    /**
     * "Relancer l'import" after a failure: the form again, filled with the new commune given before; a wrong passphrase
     * or a damaged archive said next to its field.
     */
    public void retry() {
        OnboardingJob job = getJob();
        jobId = null;
        loaded = null;
        if (job == null) {
            return;
        }
        Onboarding o = job.onboarding();
        commune.setSlug(o.slug());
        commune.setName(o.name());
        commune.setWebsiteUrl(o.websiteUrl());
        commune.setPrimaryColor(o.primaryColor());
        commune.setAccentColor(o.accentColor());
        commune.setDomains(String.join(", ", o.domains()));
        OperatorCommunes.archiveError(job).ifPresent(e -> FormErrors.show("form", List.of(e)));
    }

    /** The import's job as the platform schema holds it, read once per request (the page asks several times). */
    public OnboardingJob getJob() {
        FacesContext request = FacesContext.getCurrentInstance();
        if (loaded == null || loadedFor != request) {
            loaded = communes.job(jobId).filter(OnboardingJob::isImport);
            loadedFor = request;
        }
        return loaded.orElse(null);
    }

    /** Whether the form is shown (no import started, or "Relancer l'import" chosen). */
    public boolean isEditing() {
        return getJob() == null;
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
