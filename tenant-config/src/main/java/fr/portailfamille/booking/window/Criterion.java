package fr.portailfamille.booking.window;

/**
 * A priority criterion a commune may weigh when it allocates the seats of an opening window; each is met
 * or not by a request's {@link PriorityFacts}. Criteria resting on health data are {@link #health()}:
 * shown as "critère confidentiel" to agents who may not read health data.
 */
public enum Criterion {
    /** The family lives in the commune (its postcode, or the agents' override). */
    RESIDENT("résident", false),
    /** Both parents (or the single parent) work: answered in the request, with a proof when the commune asks. */
    BOTH_PARENTS_WORKING("parents qui travaillent", false),
    /** A brother or sister already holds a seat of the activity. */
    SIBLING_PLACED("fratrie", false),
    /** A child of the request has a disability or a PAI (health data). */
    DISABILITY_OR_PAI("handicap ou PAI", true),
    /** A child of the request already attended the activity. */
    PREVIOUS_ATTENDANCE("déjà accueilli", false),
    /** The family's quotient familial is at most the commune's social ceiling. */
    SOCIAL_QF("quotient familial modeste", false);

    /** What agents without the health role read instead of a health criterion's name. */
    public static final String CONFIDENTIAL = "critère confidentiel";

    private final String label;
    private final boolean health;

    Criterion(String label, boolean health) {
        this.label = label;
        this.health = health;
    }

    /** The criterion in French words, as families and agents read it. */
    public String label() {
        return label;
    }

    /** Whether the criterion rests on health data. */
    public boolean health() {
        return health;
    }

    /** Its label for a reader who may ({@code showHealth}) or may not read health data. */
    public String label(boolean showHealth) {
        return health && !showHealth ? CONFIDENTIAL : label;
    }

    /** Whether {@code facts} meet this criterion ({@code qfCeiling}: the social ceiling, {@code null} when none). */
    public boolean metBy(PriorityFacts facts, Integer qfCeiling) {
        return switch (this) {
            case RESIDENT -> facts.resident();
            case BOTH_PARENTS_WORKING -> facts.bothParentsWorking();
            case SIBLING_PLACED -> facts.siblingPlaced();
            case DISABILITY_OR_PAI -> facts.disabilityOrPai();
            case PREVIOUS_ATTENDANCE -> facts.previousAttendance();
            case SOCIAL_QF -> qfCeiling != null && facts.quotientFamilial() != null
                    && facts.quotientFamilial() <= qfCeiling;
        };
    }
}
