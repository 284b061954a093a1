/**
 * The Boîte de réception's pure rules: the services a commune's families write to (part of its configuration file),
 * the states of a thread between a family and a service, who may write, close or reopen, what is unread on each
 * side, which services an agent belongs to, and the targets of an agent's broadcast to families.
 */
package fr.portailfamille.messaging;
