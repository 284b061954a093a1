package fr.portailfamille.messaging;

/**
 * Whom an agent writes to: one family, or every family of an activity, a school, a class of a school, or the
 * whole commune; each family then gets its own thread.
 *
 * @param kind the kind of target
 * @param ref the family's id, the activity's or establishment's code, or {@code ESTABLISHMENT/LEVEL} for a class
 *     (e.g. {@code ECOLE-JAURES/CM1}); {@code null} for the commune
 */
public record BroadcastTarget(Kind kind, String ref) {

    /** The kinds of target. */
    public enum Kind {
        FAMILY("une famille"), ACTIVITY("les familles d'une activité"), SCHOOL("les familles d'une école"),
        CLASS("les familles d'une classe"), COMMUNE("toutes les familles de la commune");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The establishment's code of a class target. */
    public String establishment() {
        return kind == Kind.CLASS && ref != null && ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : ref;
    }

    /** The school level of a class target (CM1…), else {@code null}. */
    public String level() {
        return kind == Kind.CLASS && ref != null && ref.contains("/") ? ref.substring(ref.indexOf('/') + 1) : null;
    }
}
