package db.tenant;

import fr.portailfamille.documents.HealthFlags;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tenant V54, data only: the rule that tells health data by its name reads "santé" and "PAI" as words when "_", a digit
 * or capitals join them ("fiche_sanitaire.pdf", "PAI_Lucas.pdf", "FicheSante.pdf"), which it missed; the document
 * types, their documents and the messages' files saved before are flagged again by it ({@link HealthFlags}). An archive
 * of schema 53 loads as it is: its import applies the same rule.
 */
public class V54__HealthNamesAsWords extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        HealthFlags.apply(context.getConnection(), "");
        HealthFlags.attachments(context.getConnection(), "");
    }
}
