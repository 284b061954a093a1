/**
 * The commune schema's migrations written in Java (beside the SQL ones of {@code db/tenant}), for the few whose rule
 * lives in tenant-config's code and must not be copied into SQL.
 */
package db.tenant;
