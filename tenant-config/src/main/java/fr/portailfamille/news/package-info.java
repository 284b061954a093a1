/**
 * The pure rules of a commune's news (Actualités): their limits, the order of their dates, their state at an instant
 * (brouillon, programmée, en ligne, terminée) and who may see them (everyone, or the families of targeted activities).
 */
package fr.portailfamille.news;
