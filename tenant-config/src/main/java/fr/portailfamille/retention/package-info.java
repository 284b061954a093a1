/**
 * How long the platform keeps what a commune's families and agents leave behind, past its use (RGPD, art. 5-1-e): the
 * durations and the day before which each kind of data goes, as pure rules ({@link fr.portailfamille.retention.Retention}).
 */
package fr.portailfamille.retention;
