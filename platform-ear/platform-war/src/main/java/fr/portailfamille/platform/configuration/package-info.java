/**
 * The commune's configuration as the platform uses it: {@code CommuneSettings} reads the calendar, legend,
 * texts and documents on every request and {@code ConfigurationService} reads and saves the whole
 * configuration, both through tenant-config's one reader and one writer (every save checked whole).
 */
package fr.portailfamille.platform.configuration;
