package fr.portailfamille.platform.web;

import fr.portailfamille.platform.family.AuditEntry;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * One family file for agents. Health data (fiche sanitaire) is shown only to agents holding the
 * {@code agent-sante} role, and every display of it is written to the audit log.
 */
@Named
@RequestScoped
public class AgentFamilyView {

    @Inject
    FamilyFileService files;

    @Inject
    UserView user;

    private Long id;
    private Family family;
    private final java.util.Map<Long, Child> health = new java.util.HashMap<>();

    public void load() throws java.io.IOException {
        family = id == null ? null : files.get(id).orElse(null);
        if (family == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Dossier introuvable");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public boolean isHealthAllowed() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("agent-sante");
    }

    /** The child's health data, audited; only for the agent-sante role. */
    public Child health(Child child) {
        if (!isHealthAllowed()) {
            throw new SecurityException("Données de santé réservées au rôle agent-sante");
        }
        return health.computeIfAbsent(child.getId(), cid -> files.readHealth(user.require().email(), cid));
    }

    public List<AuditEntry> getAudit() {
        return files.auditOf(family.getId());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Family getFamily() { return family; }
}
