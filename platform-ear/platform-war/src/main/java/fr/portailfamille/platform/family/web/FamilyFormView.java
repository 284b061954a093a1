package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.web.Texts;
import java.io.Serializable;
import java.util.Map;

/**
 * What the shared family-file fields ({@code WEB-INF/templates/family-form.xhtml}) need from a page:
 * the form, whether it can be edited, whether health data is shown, the choices of the lists, and the
 * add/remove actions on children and authorised contacts.
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
    }

    public void removeChild(int index) {
        form.getChildren().remove(index);
    }

    public void addContact(int childIndex) {
        form.getChildren().get(childIndex).getContacts().add(new FamilyForm.Contact());
    }

    public void removeContact(int childIndex, int contactIndex) {
        form.getChildren().get(childIndex).getContacts().remove(contactIndex);
    }
}
