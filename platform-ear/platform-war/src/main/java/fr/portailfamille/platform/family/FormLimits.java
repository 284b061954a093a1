package fr.portailfamille.platform.family;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Size} limits of the family form's texts, checked by the service too (Faces checks them on
 * each input; a request that skipped the page must not reach the database with a text longer than its
 * column): each text over its maximum gives a {@link FieldError} at its path
 * ({@code children[0].contacts[1].name}), with the annotation's French message (read in the page's language when it
 * is the usual one, "Ce texte est trop long : 100 caractères au plus.").
 */
public final class FormLimits {

    private FormLimits() {
    }

    public static List<FieldError> check(FamilyForm f) {
        List<FieldError> errors = new ArrayList<>();
        texts(errors, "", f);
        texts(errors, "responsable1.", f.getResponsable1());
        if (f.isWithResponsable2()) {
            texts(errors, "responsable2.", f.getResponsable2());
        }
        for (int i = 0; i < f.getChildren().size(); i++) {
            FamilyForm.ChildForm c = f.getChildren().get(i);
            texts(errors, "children[" + i + "].", c);
            for (int j = 0; j < c.getContacts().size(); j++) {
                texts(errors, "children[" + i + "].contacts[" + j + "].", c.getContacts().get(j));
            }
        }
        return errors;
    }

    private static void texts(List<FieldError> errors, String prefix, Object bean) {
        if (bean == null) {
            return;
        }
        for (Field field : bean.getClass().getDeclaredFields()) {
            Size size = field.getAnnotation(Size.class);
            if (size == null || field.getType() != String.class) {
                continue;
            }
            try {
                field.setAccessible(true);
                String value = (String) field.get(bean);
                if (value != null && value.strip().length() > size.max()) {
                    errors.add(new FieldError(prefix + field.getName(), tooLong(size)));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The annotation's message: the usual text, in any language, when it is that one; else as written. */
    private static Message tooLong(Size size) {
        Message usual = Refused.text("family.text.tooLong", size.max());
        return usual.french().equals(size.message()) ? usual : Message.literal(size.message());
    }
}
