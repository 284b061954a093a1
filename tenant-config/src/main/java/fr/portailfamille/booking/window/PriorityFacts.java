package fr.portailfamille.booking.window;

/**
 * What is known of a request when its priority is weighed: from the family file (residency, QF, PAI,
 * siblings' seats, past attendance) and from the request's own answers (both parents working, disability).
 *
 * @param quotientFamilial the family's QF, {@code null} when unknown (the social criterion is then not met)
 */
public record PriorityFacts(boolean resident, boolean bothParentsWorking, boolean siblingPlaced,
                            boolean disabilityOrPai, boolean previousAttendance, Integer quotientFamilial) {

    /** A request that meets no criterion. */
    public static PriorityFacts none() {
        return new PriorityFacts(false, false, false, false, false, null);
    }
}
