package fr.portailfamille.messaging;

/** Where a thread between a family and a service stands. */
public enum ThreadState {
    /** The family wrote last: the service has to answer (the agents' "à traiter" count). */
    OPEN("à traiter"),
    /** The service wrote last. */
    ANSWERED("répondu"),
    /** An agent closed it: nobody writes in it until an agent reopens it. */
    CLOSED("clos");

    private final String label;

    ThreadState(String label) {
        this.label = label;
    }

    /** The state in French words. */
    public String label() {
        return label;
    }
}
