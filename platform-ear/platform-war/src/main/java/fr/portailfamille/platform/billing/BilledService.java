package fr.portailfamille.platform.billing;

/**
 * What an invoice line bills, in words for the invoice's readers: its activity and unit as the commune names them
 * ("Restauration scolaire – Midi"), read beside the line's own label ("Tranche T2", "Absence non justifiée · Tranche
 * T2"), which says how it was priced, not what for. A line of no activity (an avoir by amount) has none (null).
 * SQL fragments for a query of invoice lines aliased {@code l}.
 */
public final class BilledService {

    /** The joins that give line {@code l} its activity {@code bs_a} and unit {@code bs_u} (none when gone). */
    public static final String JOINS = " left join activity bs_a on bs_a.code = l.activity_code"
            + " left join activity_unit bs_u on bs_u.activity_id = bs_a.id and bs_u.code = l.unit_code";

    /** The line's service in words: the activity's name, then its unit's label when the line has one; or null. */
    public static final String WORDS = "bs_a.name || coalesce(' – ' || bs_u.label, '')";

    /**
     * The line's service as it was issued (tenant V48 keeps it with the line); for a line issued before, in today's
     * words.
     */
    public static final String AS_ISSUED = "coalesce(l.service, " + WORDS + ")";

    private BilledService() {
    }
}
