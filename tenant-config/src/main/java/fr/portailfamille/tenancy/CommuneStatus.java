package fr.portailfamille.tenancy;

/** Lifecycle of a commune in the tenant store. */
public enum CommuneStatus {
    /** Provisioning started but did not finish: not served; re-running provisioning resumes it. */
    PROVISIONING,
    /** Served at its URLs. */
    ACTIVE,
    /** Known but not served (the operator suspended it). */
    SUSPENDED
}
