package db.tenant;

import fr.portailfamille.documents.HealthFlags;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tenant V47: the document types named for health that a commune saved unticked before that name made them health data,
 * and the documents already sent under them, become health data ({@link HealthFlags}; the rule in Java, not copied
 * into SQL). Data only: an archive of schema 46 loads as it is, and its import applies the same rule.
 */
public class V47__HealthNamedDocumentTypes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        HealthFlags.apply(context.getConnection(), "", false); // V49 flags the registrations' documents itself
    }
}
