/**
 * The commune's configuration as the platform uses it: {@code CommuneSettings} reads the calendar, legend
 * and texts once per request, and {@code ConfigurationService} saves the configuration file through
 * tenant-config's rules and store (every save checked whole, errors by field).
 */
package fr.portailfamille.platform.configuration;
