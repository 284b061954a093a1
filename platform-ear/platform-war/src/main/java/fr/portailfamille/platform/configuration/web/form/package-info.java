/**
 * The configuration screens' form rows (a period, a closure, an activity and its units…): what an agent
 * types, kept as typed until saved, and turned into tenant-config's configuration values.
 */
package fr.portailfamille.platform.configuration.web.form;
