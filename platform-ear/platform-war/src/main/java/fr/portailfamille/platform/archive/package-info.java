/**
 * The commune's own export, in the staff area: its administrator makes an encrypted archive of the commune's
 * configuration, data and accounts (tenant-config's {@code fr.portailfamille.archive}), lists and downloads the
 * commune's archives — never another commune's.
 */
package fr.portailfamille.platform.archive;
