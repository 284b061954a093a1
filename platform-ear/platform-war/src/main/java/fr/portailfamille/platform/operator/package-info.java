/**
 * The platform operators' side: the communes' registry as operators see it (status, domains, schema against the code,
 * realm, counts, last activity) and their actions on it — onboard, suspend, resume, re-run an upgrade — each audited
 * with the operator's name, an onboarding's progress kept in the platform schema for every replica; served only on the
 * operator host, to the operators' realm.
 */
package fr.portailfamille.platform.operator;
