package fr.portailfamille.it.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Items waiting in every agents' queue of a commune, named with a suffix so that a test finds its own:
 * four files sent for validation, two address change requests and one health request, four activity
 * registrations (one with a document), four school requests, four bookings awaiting validation and
 * two medical certificates to review. SQL for the commune's schema (the caller sets the search_path).
 */
public final class QueueSeed {

    private QueueSeed() {
    }

    public static String family(String s, int n) {
        return "Foyer Dossier " + s + " " + n;
    }

    public static String requestFamily(String s) {
        return "Foyer Demande " + s;
    }

    public static String child(String s, int n) {
        return "Enfant" + n;
    }

    public static String childLastName(String s) {
        return "Queue" + s;
    }

    public static String activity(String s) {
        return "Activité " + s;
    }

    public static String school(String s) {
        return "École " + s;
    }

    public static List<String> statements(String s) {
        String code = "Q-" + s.toUpperCase();
        String last = childLastName(s);
        List<String> sql = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            sql.add("insert into family (label, email, status, submitted_at) values ('" + family(s, n) + "', 'dossier" + n
                    + "-" + s + "@alpha.test', 'SUBMITTED', now() + interval '" + n + " seconds')");
        }
        // a validated family with a child, two address requests and one carrying health data
        // (its values those the requests start from: a request whose old values the file no longer holds is not accepted)
        sql.add("insert into family (label, email, status, validated_at, address_line, postcode, city, quotient_familial)"
                + " values ('" + requestFamily(s) + "', 'demande-" + s + "@alpha.test', 'VALIDATED', now(), '1 rue Haute',"
                + " '87000', 'Limoges', 450)");
        sql.add("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Lou', '" + last
                + "', email from family where label = '" + requestFamily(s) + "'");
        for (int n = 1; n <= 4; n++) {
            sql.add("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, '" + child(s, n)
                    + "', '" + last + "', current_date - interval '7 years', 'F', 'École du Centre' from family where label = '"
                    + requestFamily(s) + "'");
        }
        for (String postcode : List.of("87100", "87200")) {
            sql.add("insert into change_request (family_id, type, old_value, new_value) select id, 'ADRESSE',"
                    + " '{\"/postcode\":\"87000\"}', '{\"/postcode\":\"" + postcode + "\"}' from family where label = '"
                    + requestFamily(s) + "'");
        }
        // a family quotient changed, its attestation in Mes documents (validated: not in the documents' queue)
        sql.add("insert into change_request (family_id, type, old_value, new_value) select id, 'CAF',"
                + " '{\"/quotientFamilial\":450}', '{\"/quotientFamilial\":620}' from family where label = '"
                + requestFamily(s) + "'");
        // dated in the platform's zone, as the page and the test read it (the database's current_date is UTC's: after
        // 23:00 UTC in winter it is the day before Paris's)
        sql.add("insert into family_document (family_id, type_code, health, issued_on, status, file_name, content_type, content)"
                + " select id, 'QF', false, date '" + TestDays.today().minusDays(20) + "', 'VALIDATED', 'attestation-caf-" + s
                + ".pdf', 'application/pdf',"
                + " decode('255044462d312e340a', 'hex') from family where label = '" + requestFamily(s) + "'");
        sql.add("insert into change_request (family_id, type, old_value, new_value) select id, 'SANTE',"
                + " '{\"/children/0/allergies\":null}', '{\"/children/0/allergies\":\"gluten\"}' from family where label = '"
                + requestFamily(s) + "'");
        // an activity needing validation, one unit; four registrations and four school requests
        sql.add("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy, needs_validation)"
                + " values ('" + code + "', '" + activity(s) + "', 'MERCREDI', 'J-2@23:59', 'J-2@23:59', 'REFUSED', true)");
        sql.add("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays) select id,"
                + " 'JOURNEE', 'Journée', '08:30', '17:30', 12, '1,2,3,4,5,6,7' from activity where code = '" + code + "'");
        sql.add("insert into establishment (code, name, kind) values ('" + code + "', '" + school(s) + "', 'ECOLE_ELEMENTAIRE')");
        for (int n = 1; n <= 4; n++) {
            String kid = "(select c.id from child c join family f on f.id = c.family_id where f.label = '" + requestFamily(s)
                    + "' and c.first_name = '" + child(s, n) + "')";
            sql.add("insert into registration (child_id, activity_id, status, cgu_accepted_at, submitted_at) select " + kid
                    + ", id, 'SUBMITTED', now(), now() + interval '" + n + " seconds' from activity where code = '" + code + "'");
            sql.add("insert into school_enrolment (child_id, establishment_id, school_year, level, status, submitted_at)"
                    + " select " + kid + ", id, '2026-2027', 'CP', 'SUBMITTED', now() + interval '" + n + " seconds'"
                    + " from establishment where code = '" + code + "'");
            // bookings far ahead (first when sorted by day, latest first), each holding its seat
            String unit = "(select u.id from activity_unit u join activity a on a.id = u.activity_id where a.code = '" + code + "')";
            sql.add("insert into booking (child_id, unit_id, day, status) values (" + kid + ", " + unit + ", current_date + "
                    + (700 + n) + ", 'PENDING_VALIDATION')");
            sql.add("insert into unit_day (unit_id, day, booked) values (" + unit + ", current_date + " + (700 + n) + ", 1)");
            if (n <= 2) {
                sql.add("insert into booking (child_id, unit_id, day, status) values (" + kid + ", " + unit + ", current_date + "
                        + (710 + n) + ", 'ABSENT_PENDING')");
                // the first with what its family wrote ("Précisions"), on two lines
                sql.add("insert into absence (booking_id, reason, comment, certificate, certificate_type, certificate_name)"
                        + " select b.id, 'MALADIE', " + (n == 1 ? "E'Fièvre depuis la veille\\nvu par le médecin'" : "null")
                        + ", decode('255044462d312e340a', 'hex'), 'application/pdf', 'certificat-" + n + "-" + s + ".pdf'"
                        + " from booking b where b.child_id = " + kid + " and b.day = current_date + " + (710 + n));
            }
        }
        sql.add("insert into registration_document (registration_id, label, file_name, content_type, content) select r.id,"
                + " 'Attestation', 'attestation-" + s + ".pdf', 'application/pdf', decode('255044462d312e340a', 'hex')"
                + " from registration r join activity a on a.id = r.activity_id where a.code = '" + code + "' order by r.id limit 1");
        return sql;
    }
}
