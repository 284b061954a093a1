package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyForm;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * "Mes enfants": one page per child of the signed-in family. A child is named by its position in the
 * family's own file ({@code ?enfant=1}), never by a database id, so no other family's child can be
 * asked for.
 */
@Named
@RequestScoped
public class EnfantsView {

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private int number = 1;
    private List<FamilyForm.ChildForm> children;

    public List<FamilyForm.ChildForm> getChildren() {
        if (children == null) {
            children = files.formOf(user.require()).getChildren();
        }
        return children;
    }

    /** The child shown, or null when the number is not one of the family's children. */
    public FamilyForm.ChildForm getChild() {
        return number >= 1 && number <= getChildren().size() ? getChildren().get(number - 1) : null;
    }

    public int getNumber() {
        return number;
    }

    public void setNumber(int number) {
        this.number = number;
    }
}
