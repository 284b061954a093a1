package fr.portailfamille.platform.family;

import fr.portailfamille.problems.FieldError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Finir plus tard" saves what is valid: the part of a typed form that a draft may keep. Each invalid
 * field keeps its stored value (the same child is found by id), or stays empty when there is none; an
 * invalid authorised contact leaves the child's stored contacts as they were. The typed form itself is
 * never changed, so the page keeps what the family typed and shows what is wrong next to it.
 */
public final class DraftForms {

    private static final Pattern CHILD = Pattern.compile("^children\\[(\\d+)]\\.(.+)$");
    private static final Pattern CONTACT = Pattern.compile("^contacts\\[\\d+]\\..+$");

    private DraftForms() {
    }

    /** A copy of {@code typed} where every field named by {@code errors} is put back to its value in {@code stored}. */
    public static FamilyForm keepValid(FamilyForm typed, List<FieldError> errors, FamilyForm stored) {
        FamilyForm valid = copy(typed);
        for (FieldError e : errors) {
            String path = e.field();
            if (path == null || path.isBlank() || path.equals("children")) {
                continue;
            }
            Matcher child = CHILD.matcher(path);
            if (child.matches()) {
                FamilyForm.ChildForm target = valid.getChildren().get(Integer.parseInt(child.group(1)));
                FamilyForm.ChildForm before = target.getId() == null ? null : stored.getChildren().stream()
                        .filter(c -> target.getId().equals(c.getId())).findFirst().orElse(null);
                if (CONTACT.matcher(child.group(2)).matches()) {
                    List<FamilyForm.Contact> kept = new ArrayList<>();
                    if (before != null) {
                        kept.addAll(copy(before).getContacts());
                    }
                    target.setContacts(kept);
                } else {
                    putBack(target, before, child.group(2));
                }
            } else if (path.startsWith("responsable1.")) {
                putBack(valid.getResponsable1(), stored.getResponsable1(), path.substring("responsable1.".length()));
            } else if (path.startsWith("responsable2.")) {
                putBack(valid.getResponsable2(), stored.getResponsable2(), path.substring("responsable2.".length()));
            } else {
                putBack(valid, stored, FORM_FIELDS.getOrDefault(path, path));
            }
        }
        return valid;
    }

    /** The form's field behind an error's name when they differ: the resources are typed in euros, kept in cents. */
    private static final java.util.Map<String, String> FORM_FIELDS = java.util.Map.of("monthlyResources", "monthlyResourcesCents");

    /** Sets field {@code name} of {@code target} to its value in {@code source} (or empties it). */
    private static void putBack(Object target, Object source, String name) {
        try {
            Field f = target.getClass().getDeclaredField(name);
            if (f.getType().isPrimitive()) {
                return; // booleans are never invalid
            }
            f.setAccessible(true);
            f.set(target, source == null ? null : f.get(source));
        } catch (NoSuchFieldException | IllegalAccessException ex) {
            throw new IllegalArgumentException("Champ inconnu du dossier : " + name, ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends java.io.Serializable> T copy(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
