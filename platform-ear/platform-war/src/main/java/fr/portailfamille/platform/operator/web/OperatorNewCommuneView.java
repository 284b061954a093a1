package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.operator.Onboarding;
import fr.portailfamille.platform.operator.OnboardingJob;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.CommuneRules;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /operateur/nouvelle-commune.xhtml}: the onboarding form (the primary colour's contrast with white text told next
 * to the field as soon as it changes), then the onboarding's steps as they run (the page polls its job, read in the
 * platform schema: whichever replica serves the poll shows them), and on a failure the failed step with "Reprendre".
 */
@Named("operateurNouvelleCommuneView")
@ViewScoped
public class OperatorNewCommuneView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OperatorCommunes communes;

    @Inject
    OperatorSession session;

    private final CommuneFields commune = new CommuneFields();
    private String administratorEmail;
    private String administratorFirstName;
    private String administratorLastName;
    private transient Part logo;
    private String jobId;
    private transient Optional<OnboardingJob> loaded;
    private transient Object loadedFor;

    /** Sends the form: checks, then starts the onboarding in the background; its steps show below. */
    public void submit() {
        String svg;
        try {
            svg = CommuneFields.logoSvg(logo);
        } catch (Refused e) {
            FormErrors.show("form", List.of(new FieldError(e.field(), Texts.of(e))));
            return;
        }
        Onboarding o = new Onboarding(commune.slug(), commune.name(), commune.websiteUrl(), commune.primaryColor(),
                commune.accentColor(), svg, commune.domainList(), CommuneFields.trim(administratorEmail),
                CommuneFields.trim(administratorFirstName), CommuneFields.trim(administratorLastName));
        try {
            jobId = communes.start(o, session.user(), OperatorSession.scheme(), OperatorSession.portSuffix()).getId();
            loaded = null;
        } catch (ProvisioningException e) {
            FormErrors.show("form", e.errors().isEmpty() ? List.of(new FieldError("", e.text())) : e.errors());
        }
    }

    /** "Reprendre": runs the failed onboarding again with what was given. */
    public void resume() {
        try {
            jobId = communes.resume(jobId, session.user(), OperatorSession.scheme(), OperatorSession.portSuffix()).getId();
            loaded = null;
        } catch (Refused | IllegalArgumentException e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** The job as the platform schema holds it, read once per request (the page asks several times). */
    public OnboardingJob getJob() {
        FacesContext request = FacesContext.getCurrentInstance();
        if (loaded == null || loadedFor != request) {
            loaded = Optional.ofNullable(communes.job(jobId).orElse(null));
            loadedFor = request;
        }
        return loaded.orElse(null);
    }

    /**
     * The page opened with an onboarding's id ({@code ?job=}: from its commune's page, an invitation to send again, after
     * a reload or another day): that onboarding is shown, with "Reprendre" when it failed. Read at the opening only (a
     * later "Reprendre" shows its own).
     */
    public void open() {
        String job = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("job");
        if (jobId == null && job != null && !job.isBlank()) {
            jobId = job.strip();
            loaded = null;
        }
    }

    /** Whether the form is shown (no onboarding started, or the last one was refused before starting). */
    public boolean isEditing() {
        return getJob() == null;
    }

    /** The primary colour's contrast with white text, said next to the field. */
    public String getContrast() {
        String c = commune.primaryColor();
        if (c == null || !c.matches("#[0-9a-fA-F]{6}")) {
            return "";
        }
        double ratio = CommuneRules.contrastWithWhite(c);
        Locale locale = Texts.locale();
        String value = String.format(locale, "%.1f:1", ratio);
        return Texts.of(ratio >= 4.5 ? "operator.new.contrast.enough" : "operator.new.contrast.tooLow", value);
    }

    public boolean isContrastTooLow() {
        String c = commune.primaryColor();
        return c != null && c.matches("#[0-9a-fA-F]{6}") && CommuneRules.contrastWithWhite(c) < 4.5;
    }

    /** Ajax listener of the primary colour: nothing to do, the contrast message is re-rendered. */
    public void colourChanged() {
        // getContrast() reads the new value
    }

    /** The commune typed on the form. */
    public CommuneFields getCommune() {
        return commune;
    }

    public String getAdministratorEmail() {
        return administratorEmail;
    }

    public void setAdministratorEmail(String administratorEmail) {
        this.administratorEmail = administratorEmail;
    }

    public String getAdministratorFirstName() {
        return administratorFirstName;
    }

    public void setAdministratorFirstName(String v) {
        administratorFirstName = v;
    }

    public String getAdministratorLastName() {
        return administratorLastName;
    }

    public void setAdministratorLastName(String v) {
        administratorLastName = v;
    }

    public Part getLogo() {
        return logo;
    }

    public void setLogo(Part logo) {
        this.logo = logo;
    }
}
