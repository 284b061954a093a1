package db.tenant;

import fr.portailfamille.documents.HealthFlags;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tenant V50: a file sent with a message says whether it is health data (a nullable column: null is not), agent-sante's
 * only to read — the family ticks it, or its name says so; the files sent before are flagged by their name
 * ({@link HealthFlags#attachments}, the rule in Java, not copied into SQL). An archive of schema 49 loads as it is, and
 * its import applies the same rule.
 */
public class V50__MessageAttachmentHealth extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("alter table message_attachment add column health boolean");
        }
        HealthFlags.attachments(context.getConnection(), "");
    }
}
