/**
 * A commune's archive: its configuration and data in a ZIP (a manifest, one CSV file per table, its accounts without
 * credentials) encrypted with a passphrase its administrator chose, kept in the platform schema for the operator to
 * move, and imported into a fresh commune.
 */
package fr.portailfamille.archive;
