package fr.portailfamille.platform.profile.web;

import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.profile.AccountPreferences;
import fr.portailfamille.platform.profile.ChildCalendars;
import fr.portailfamille.platform.security.AccountActions;
import fr.portailfamille.platform.security.Urls;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Page espace/profil ("Mon profil"): the login address and the password, changed on the commune's Keycloak
 * ({@link AccountActions}) with the result shown on return; e-mail and SMS consent (its own responsable's in the
 * family file, written at once; where to give it in Mon foyer while there is no file) and the reminders opt-out
 * ({@link AccountPreferences}); the parent's details from the family file, read-only (changes go through Mon foyer);
 * the private iCal link of each child ({@link ChildCalendars}), shown once when made.
 */
@Named
@ViewScoped
public class ProfilView implements Serializable {

    static final String PAGE = "/espace/profil.xhtml";

    @Inject
    AccountPreferences preferences;

    @Inject
    ChildCalendars calendars;

    @Inject
    AccountActions actions;

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private boolean consentEmail;
    private boolean consentSms;
    private boolean remindersOptOut;
    private FamilyForm.Person person;
    private FamilyForm family;
    private Long familyNumber;
    private List<ChildCalendars.Feed> feeds;
    /** The feed URL just made, shown once, and whose child it is. */
    private String newFeedUrl;
    private Long newFeedChild;

    @PostConstruct
    void load() {
        AccountPreferences.Preferences p = preferences.of(user.require());
        consentEmail = p.consentEmail();
        consentSms = p.consentSms();
        remindersOptOut = p.remindersOptOut();
    }

    /**
     * On the page's first request (view action, before anything renders): the result of the Keycloak action the
     * parent comes back from, taken from the session where the login callback left it, shown once.
     */
    public void showActionResult() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        AccountActions.takeResult(request.getSession(false)).ifPresent(r -> {
            String text = Texts.of("profil.action." + r.action().name() + "." + r.status().name());
            if (r.status() == AccountActions.Status.ERROR) {
                FormErrors.error(text);
            } else {
                FormErrors.info(text);
            }
        });
    }

    // ---- Keycloak's pages -----------------------------------------------------------------------

    public void changePassword() throws IOException {
        startAction(AccountActions.Action.UPDATE_PASSWORD);
    }

    public void changeEmail() throws IOException {
        startAction(AccountActions.Action.UPDATE_EMAIL);
    }

    private void startAction(AccountActions.Action action) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        external.redirect(actions.start(TenantContext.require(), request, action, PAGE).toString());
    }

    // ---- preferences ----------------------------------------------------------------------------

    public void savePreferences() {
        try {
            preferences.save(user.require(), new AccountPreferences.Preferences(consentEmail, consentSms, remindersOptOut));
            family = null;
            FormErrors.info(Texts.of("profil.preferences.saved"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
    }

    /** Whether the family file is stored, so that it holds the parent's consent (else Mon foyer is where to give it). */
    public boolean isConsentInFile() {
        return family().getFamilyId() != null;
    }

    // ---- calendars ------------------------------------------------------------------------------

    public void regenerate(long childId) {
        try {
            String token = calendars.regenerate(user.require(), childId);
            newFeedUrl = Urls.base() + "/calendrier/" + token + CalendarFeedServlet.SUFFIX;
            newFeedChild = childId;
            feeds = null;
            FormErrors.info(Texts.of("profil.calendar.made"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public void revoke(long childId) {
        try {
            calendars.revoke(user.require(), childId);
            if (Long.valueOf(childId).equals(newFeedChild)) {
                newFeedUrl = null;
                newFeedChild = null;
            }
            feeds = null;
            FormErrors.info(Texts.of("profil.calendar.revoked"));
        } catch (Refused e) {
            FormErrors.error(Texts.of(e));
        }
    }

    public List<ChildCalendars.Feed> getFeeds() {
        if (feeds == null) {
            feeds = calendars.feeds(user.require());
        }
        return feeds;
    }

    public String getNewFeedUrl() { return newFeedUrl; }
    public Long getNewFeedChild() { return newFeedChild; }

    // ---- the family file's details --------------------------------------------------------------

    private FamilyForm family() {
        if (family == null) {
            family = files.formOf(user.require());
            person = family.getResponsable1();
        }
        return family;
    }

    public FamilyForm getFamily() { return family(); }

    /** The family's number, as the town hall's agents see it on the family's file (to quote it when calling them). */
    public Long getFamilyNumber() {
        if (familyNumber == null) {
            familyNumber = files.fileOf(user.require()).getId();
        }
        return familyNumber;
    }

    /** The parent's civility in words ("Madame"), as the family file stores it ("MME"). */
    public String getCivility() {
        FamilyForm.Person p = getPerson();
        return p == null ? "" : Texts.word("family.civility.", p.getCivility());
    }

    public FamilyForm.Person getPerson() {
        family();
        return person;
    }

    public String getEmail() { return user.getEmail(); }

    public boolean isConsentEmail() { return consentEmail; }
    public void setConsentEmail(boolean consentEmail) { this.consentEmail = consentEmail; }
    public boolean isConsentSms() { return consentSms; }
    public void setConsentSms(boolean consentSms) { this.consentSms = consentSms; }
    public boolean isRemindersOptOut() { return remindersOptOut; }
    public void setRemindersOptOut(boolean remindersOptOut) { this.remindersOptOut = remindersOptOut; }
}
