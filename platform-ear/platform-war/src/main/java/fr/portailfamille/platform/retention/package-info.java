/**
 * The nightly purge of personal data past its retention (tenant-config's {@code Retention}): refused and long-expired
 * documents, reviewed medical certificates' files, quiet conversations, old journals — each commune in one transaction,
 * what went from a family's file written in its journal.
 */
package fr.portailfamille.platform.retention;
