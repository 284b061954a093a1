/** Faces bean of the commune configuration pages (calendar, activities, establishments, legend, texts) and the configuration file export. */
package fr.portailfamille.platform.configuration.web;
