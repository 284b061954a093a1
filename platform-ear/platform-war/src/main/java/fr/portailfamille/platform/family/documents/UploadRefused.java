package fr.portailfamille.platform.family.documents;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;

/**
 * A document {@link FamilyDocuments#upload} refuses: the page shows its message next to its field ({@code type},
 * {@code child}, {@code issuedOn}, {@code file}, none when the family's file is not stored yet), the families' API
 * answers its {@link #reason()} with a stable code. Nothing was stored.
 */
public class UploadRefused extends Refused {

    /** Why, one value per refusal of the upload. */
    public enum Reason {
        /** The family's file is not stored yet. */
        NO_FAMILY_FILE,
        /** No type, or not one of the commune's. */
        UNKNOWN_TYPE,
        /** A child's type without the child. */
        CHILD_MISSING,
        /** A child not in the family's file. */
        CHILD_UNKNOWN,
        /** No date of the document. */
        DATE_MISSING,
        /** A date after today. */
        DATE_FUTURE,
        /** A date before 1900 (a typing slip). */
        DATE_TOO_OLD,
        /** A date that makes the document already expired for its type's validity. */
        DATE_EXPIRED,
        /** No file, or an empty one. */
        FILE_MISSING,
        /** More than 5 Mo. */
        FILE_TOO_BIG,
        /** Not a real PDF, JPEG or PNG. */
        FILE_NOT_ACCEPTED
    }

    private final Reason reason;
    private final java.util.List<UploadRefused> all;

    public UploadRefused(Reason reason, String field, String message) {
        super(field, message);
        this.reason = reason;
        this.all = java.util.List.of(this);
    }

    public UploadRefused(Reason reason, String field, Message text) {
        super(field, text);
        this.reason = reason;
        this.all = java.util.List.of(this);
    }

    /** The first of several refusals (one per field), which {@link #all()} lists: the page shows each beside its field. */
    UploadRefused(java.util.List<UploadRefused> several) {
        super(several.get(0).field(), several.get(0).text());
        this.reason = several.get(0).reason();
        this.all = java.util.List.copyOf(several);
    }

    public Reason reason() {
        return reason;
    }

    /** Every field refused at once (this one first): a form fixed in one go, not one field a round. */
    public java.util.List<UploadRefused> all() {
        return all;
    }
}
