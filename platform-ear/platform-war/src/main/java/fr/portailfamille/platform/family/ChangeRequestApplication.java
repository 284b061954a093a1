package fr.portailfamille.platform.family;

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
