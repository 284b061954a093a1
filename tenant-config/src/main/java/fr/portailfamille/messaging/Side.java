package fr.portailfamille.messaging;

/** The two sides of a thread: the family, and the commune's service (its agents). */
public enum Side {
    FAMILY, SERVICE;

    /** The side reading what this side writes. */
    public Side other() {
        return this == FAMILY ? SERVICE : FAMILY;
    }
}
