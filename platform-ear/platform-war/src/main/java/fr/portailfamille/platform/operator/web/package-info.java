/**
 * The operators' console pages ({@code /operateur/}, on the operator host only): the communes' table, one commune with
 * its actions, and the onboarding form whose steps show while they run.
 */
package fr.portailfamille.platform.operator.web;
