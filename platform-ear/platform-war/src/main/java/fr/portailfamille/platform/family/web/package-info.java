/**
 * Faces beans of the family file: the household, children and change requests (families); the queues of
 * files and of change requests, a family's file and its direct edit (agents).
 */
package fr.portailfamille.platform.family.web;
