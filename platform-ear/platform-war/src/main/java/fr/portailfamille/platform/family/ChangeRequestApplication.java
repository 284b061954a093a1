package fr.portailfamille.platform.family;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * What an accepted change request does to the family file, without the database: the request's new values
 * (JSON pointers into {@link FamilyForm}) are written into the file's form, and the form back onto the
 * {@link Family}, its responsables and its children (matched by id; a new child is added, a contacts list
 * replaced whole). The caller's transaction stores the changed entities.
 */
public final class ChangeRequestApplication {

    /** The audit action of an accepted request that changes health data. */
    public static final String HEALTH_CHANGED = "MODIFICATION_SANTE";
    /** The audit action of any other accepted request. */
    public static final String ACCEPTED = "DEMANDE_ACCEPTEE";

    private ChangeRequestApplication() {
    }

    /** Writes the request's new values onto its family's file. */
    public static void apply(ChangeRequest request) {
        Family file = request.getFamily();
        FamilyForm updated = FormChanges.apply(FamilyFileMapper.toForm(file),
                FormChanges.fromJsonText(request.getNewValue()));
        FamilyFileMapper.apply(updated, file);
    }

    /**
     * Whether the file still holds what the request started from (its old values): another request accepted since, an
     * inscription scolaire's school and class, an agent's edit would otherwise be overwritten by older values, or a
     * change made on a conjoint removed since be dropped while the family is told its file is up to date. A new child
     * (nothing at its place when asked) starts from nothing: another child added since does not stop it.
     */
    public static boolean startsFromTheFile(ChangeRequest request) {
        if (request.getOldValue() == null) {
            return true;
        }
        Map<String, JsonValue> before = FormChanges.fromJsonText(request.getOldValue());
        before.entrySet().removeIf(e -> FormChanges.isWholeChild(e.getKey()) && e.getValue() == JsonValue.NULL);
        return FormChanges.valuesAt(FamilyFileMapper.toForm(request.getFamily()), before.keySet()).equals(before);
    }

    /** Whether a change request holds health values (old or new): such requests are for agent-sante only. */
    public static boolean touchesHealth(ChangeRequest request) {
        return FormChanges.touchesHealth(request.getType(), FormChanges.fromJsonText(request.getNewValue()))
                || FormChanges.touchesHealth(request.getType(), FormChanges.fromJsonText(request.getOldValue()));
    }

    /** The audit log's action for accepting this request. */
    public static String auditAction(ChangeRequest request) {
        return touchesHealth(request) ? HEALTH_CHANGED : ACCEPTED;
    }
}
