/** The page of the commune's agents' accounts ({@code agent/agents.xhtml}), for its administrators. */
package fr.portailfamille.platform.staff.web;
