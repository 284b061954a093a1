package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the shared family-file fields ({@code WEB-INF/templates/family-form.xhtml}) need from a page:
 * the form, whether it can be edited, whether health data is shown, the choices of the lists, and the
 * add/remove actions on children and authorised contacts. Each of these actions posts the whole form and the page
 * comes back; it names the field to focus then ({@link NextFocus#inForm}: the new child's first name, the new contact's name…),
 * so that a parent on a phone is not sent back to the top of a page of several screens.
 */
public abstract class FamilyFormView implements Serializable {

    protected FamilyForm form;

    public FamilyForm getForm() {
        return form;
    }

    public abstract FamilyStatus getStatus();

    public abstract boolean isEditable();

    public boolean isReadonly() {
        return !isEditable();
    }

    /** Health data (fiche sanitaire) on this page: always for the family, only agent-sante for agents. */
    public abstract boolean isHealthVisible();

    /** Whether the form offers to attach the attestation de quotient familial (Mon foyer's changes only). */
    public boolean isQfProofOffered() {
        return false;
    }

    public Map<String, String> getSituations() {
        return Texts.choices("family.situation.", "MARIES", "PACSES", "CONCUBINAGE", "CELIBATAIRE", "SEPARES", "DIVORCES",
                "VEUF");
    }

    /** Who may attest the quotient familial (label → code). */
    public Map<String, String> getQfSources() {
        return Texts.choices("family.qfSource.", "CAF", "MSA", "AVIS_IMPOSITION");
    }

    public Map<String, String> getCivilities() {
        return Texts.choices("family.civility.", "MME", "M");
    }

    public Map<String, String> getSexes() {
        return Texts.choices("family.sex.", "F", "M");
    }

    public void addChild() {
        FamilyForm.ChildForm c = new FamilyForm.ChildForm();
        c.setLastName(form.getResponsable1().getLastName());
        form.getChildren().add(c);
        focus("children:" + (form.getChildren().size() - 1) + ":firstName");
    }

    public void removeChild(int index) {
        form.getChildren().remove(index);
        focus("addChild");
    }

    public void addContact(int childIndex) {
        List<FamilyForm.Contact> contacts = form.getChildren().get(childIndex).getContacts();
        contacts.add(new FamilyForm.Contact());
        focus("children:" + childIndex + ":contacts:" + (contacts.size() - 1) + ":name");
    }

    public void removeContact(int childIndex, int contactIndex) {
        form.getChildren().get(childIndex).getContacts().remove(contactIndex);
        focus("children:" + childIndex + ":addContact");
    }

    /** "Afficher / masquer le second responsable": its first field once shown, else the box just unticked. */
    public void toggleResponsable2() {
        focus(form.isWithResponsable2() ? "r2_civility" : "withResponsable2");
    }

    /**
     * After an action that adds or removes a part of the form: the field it goes on with; and the form's files (the
     * attestation of Mon foyer's changes) named beside their field, since the page comes back without them.
     */
    private static void focus(String field) {
        NextFocus.inForm(field);
        fr.portailfamille.platform.web.UploadInput.notTaken();
    }
}
