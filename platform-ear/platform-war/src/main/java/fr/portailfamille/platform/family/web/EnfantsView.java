package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.web.Texts;
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

    /** The child's age today in words, as the seeds' portals give it: "9 ans et 8 mois"; empty without a birth date. */
    public String getAge() {
        FamilyForm.ChildForm c = getChild();
        return c == null || c.getBirthDate() == null ? "" : age(c.getBirthDate(), fr.portailfamille.platform.kernel.PlatformTime.today());
    }

    /** "9 ans et 8 mois", "1 an", "8 mois" (in the page's language). */
    static String age(java.time.LocalDate born, java.time.LocalDate today) {
        java.time.Period p = java.time.Period.between(born, today);
        if (p.isNegative()) {
            return "";
        }
        String years = p.getYears() == 0 ? "" : Texts.of(p.getYears() == 1 ? "enfants.age.year" : "enfants.age.years", p.getYears());
        String months = p.getMonths() == 0 && p.getYears() > 0 ? ""
                : Texts.of(p.getMonths() == 1 ? "enfants.age.month" : "enfants.age.months", p.getMonths());
        return years.isEmpty() ? months : months.isEmpty() ? years : Texts.of("enfants.age.both", years, months);
    }

    public int getNumber() {
        return number;
    }

    public void setNumber(int number) {
        this.number = number;
    }
}
