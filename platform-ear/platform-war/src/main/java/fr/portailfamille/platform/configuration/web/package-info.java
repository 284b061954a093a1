/**
 * The commune configuration pages, one bean per section page of {@code agent/configuration/} (calendar,
 * activities and new activity, establishments, legend, texts, file), and the configuration file export.
 */
package fr.portailfamille.platform.configuration.web;
