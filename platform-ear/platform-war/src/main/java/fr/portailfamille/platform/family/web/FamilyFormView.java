package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.family.FamilyStatus;
import java.io.Serializable;
import java.util.LinkedHashMap;
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
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Marié(e)s", "MARIES");
        m.put("Pacsé(e)s", "PACSES");
        m.put("Vie maritale", "CONCUBINAGE");
        m.put("Célibataire", "CELIBATAIRE");
        m.put("Séparé(e)s", "SEPARES");
        m.put("Divorcé(e)s", "DIVORCES");
        m.put("Veuf / veuve", "VEUF");
        return m;
    }

    /** Who may attest the quotient familial (label → code). */
    public Map<String, String> getQfSources() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CAF", "CAF");
        m.put("MSA", "MSA");
        m.put("Avis d'imposition", "AVIS_IMPOSITION");
        return m;
    }

    public Map<String, String> getCivilities() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Madame", "MME");
        m.put("Monsieur", "M");
        return m;
    }

    public Map<String, String> getSexes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Fille", "F");
        m.put("Garçon", "M");
        return m;
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
