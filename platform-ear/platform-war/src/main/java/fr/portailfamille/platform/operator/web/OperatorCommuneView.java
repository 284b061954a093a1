package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.operator.CommuneOverview;
import fr.portailfamille.platform.operator.OperatorArchive;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /operateur/commune.xhtml?slug=}: one commune, and its actions — suspend, resume, re-run the upgrade — each asked
 * first, then confirmed; its name, website, colours, logo and domains changed; an administrator invited; its archives (made by its administrator) to download as stored; and,
 * once suspended, its deletion, confirmed by typing its slug again.
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
    private List<OperatorArchive> archives = List.of();
    private String typedSlug;

    public void load() {
        commune = slug == null ? null : communes.find(slug, session.user()).orElse(null);
        archives = commune == null ? List.of() : communes.archives(commune.getSlug(), session.user());
    }

    public List<OperatorArchive> getArchives() {
        return archives;
    }

    public String getTypedSlug() {
        return typedSlug;
    }

    public void setTypedSlug(String typedSlug) {
        this.typedSlug = typedSlug;
    }

    /**
     * "Supprimer la commune": the slug typed again; a wrong one is said next to the field. Once deleted, back to the
     * list with the outcome.
     */
    public String delete() {
        if (commune == null) {
            return null;
        }
        String name = commune.getName();
        try {
            communes.delete(commune.getSlug(), typedSlug, session.user());
        } catch (ProvisioningException e) {
            FormErrors.show("delete", e.errors().isEmpty() ? List.of(new FieldError("", e.text()))
                    : e.errors().stream().map(f -> new FieldError(f.field().equals("typedSlug") ? "typedSlug" : "",
                    f.text())).toList());
            load();
            return null;
        } catch (OperatorCommunes.UnknownCommune e) {
            FormErrors.error(Texts.of(e.text()));
            commune = null;
            return null;
        } catch (Refused e) {
            // an onboarding or an import of this commune is under way (SlugLock): said, nothing deleted
            FormErrors.error(Texts.of(e));
            load();
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FormErrors.info(Texts.of("operator.delete.done", name));
        return "/operateur/communes.xhtml?faces-redirect=true";
    }

    private CommuneFields changes;
    private transient jakarta.servlet.http.Part newLogo;
    private boolean removeLogo;

    /** « Modifier la commune »'s fields: the commune as it is, until changed (what was typed kept after a refusal). */
    public CommuneFields getChanges() {
        if (changes == null && commune != null) {
            changes = CommuneFields.of(commune);
        }
        return changes;
    }

    public jakarta.servlet.http.Part getNewLogo() { return newLogo; }
    public void setNewLogo(jakarta.servlet.http.Part v) { newLogo = v; }
    public boolean isRemoveLogo() { return removeLogo; }
    public void setRemoveLogo(boolean v) { removeLogo = v; }

    /**
     * « Enregistrer les modifications »: name, website, colours, logo (a new one chosen, or removed; else kept) and
     * domains, checked as an onboarding is — each problem beside its field, nothing changed —; its realm then accepts
     * logins from the new domains.
     */
    public void update() {
        if (commune == null) {
            return;
        }
        CommuneFields f = getChanges();
        try {
            String logo = removeLogo ? "" : CommuneFields.logoSvg(newLogo);
            commune = communes.update(commune.getSlug(), new fr.portailfamille.tenancy.CommuneSpec(commune.getSlug(),
                    f.name(), f.websiteUrl(), f.primaryColor(), f.accentColor(), logo, f.domainList()), session.user(),
                    OperatorSession.scheme(), OperatorSession.portSuffix());
            FormErrors.info(Texts.of("operator.update.done", commune.getName()));
            changes = null;
            removeLogo = false;
        } catch (ProvisioningException e) {
            FormErrors.show("edit", e.errors().isEmpty() ? List.of(new FieldError("", e.text())) : e.errors());
        } catch (OperatorCommunes.UnknownCommune e) {
            FormErrors.error(Texts.of(e.text()));
        } catch (Refused e) {
            // the logo refused (beside its field), or an onboarding, an import or a deletion of it under way
            FormErrors.show("edit", List.of(new FieldError("logoSvg".equals(e.field()) ? "logoSvg" : "", Texts.of(e))));
        }
        archives = commune == null ? List.of() : communes.archives(commune.getSlug(), session.user());
    }

    private String inviteEmail;
    private String inviteFirstName;
    private String inviteLastName;

    /** « Inviter un administrateur »: sent, or its problems beside the fields (what was typed kept). */
    public void invite() {
        if (commune == null) {
            return;
        }
        try {
            List<String> roles = communes.inviteAdministrator(commune.getSlug(), inviteEmail, inviteFirstName,
                    inviteLastName, session.user(), OperatorSession.scheme(), OperatorSession.portSuffix());
            FormErrors.info(Texts.of("operator.invite.done", inviteEmail.strip().toLowerCase(java.util.Locale.ROOT),
                    String.join(", ", roles)));
            inviteEmail = null;
            inviteFirstName = null;
            inviteLastName = null;
        } catch (ProvisioningException e) {
            FormErrors.show("invite", e.errors().isEmpty() ? List.of(new FieldError("", e.text())) : e.errors());
        } catch (OperatorCommunes.UnknownCommune e) {
            FormErrors.error(Texts.of(e.text()));
        }
        load();
    }

    public String getInviteEmail() { return inviteEmail; }
    public void setInviteEmail(String v) { inviteEmail = v; }
    public String getInviteFirstName() { return inviteFirstName; }
    public void setInviteFirstName(String v) { inviteFirstName = v; }
    public String getInviteLastName() { return inviteLastName; }
    public void setInviteLastName(String v) { inviteLastName = v; }

    private transient java.util.Optional<fr.portailfamille.platform.operator.OnboardingJob> failedInvitation;

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    /**
     * The onboarding whose invitation of the first administrator failed (the commune live without an administrator),
     * to be resumed from its page, or {@code null}.
     */
    public fr.portailfamille.platform.operator.OnboardingJob getFailedInvitation() {
        if (failedInvitation == null) {
            failedInvitation = communes.failedInvitation(slug);
        }
        return failedInvitation.orElse(null);
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
                case "suspend" -> Texts.of("operator.confirm.suspended", commune.getName());
                case "resume" -> Texts.of("operator.confirm.resumed", commune.getName());
                default -> "FAILED".equals(commune.getSchemaState())
                        ? Texts.of("operator.confirm.upgradeFailed", commune.getSchemaError())
                        : Texts.of("operator.confirm.upgraded", commune.getSchemaVersion());
            });
        } catch (ProvisioningException e) {
            FormErrors.error(Texts.of(e.errors().isEmpty() ? e.text() : e.errors().get(0).text()));
            load();
        } catch (OperatorCommunes.UnknownCommune e) {
            FormErrors.error(Texts.of(e.text()));
            commune = null;
        }
    }
}
