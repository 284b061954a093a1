package fr.portailfamille.news;

import java.time.Instant;

/** Where a news stands at an instant, as the agents' list names it. */
public enum NewsState {
    /** Not published (written, or taken offline): nobody but agents sees it. */
    BROUILLON("brouillon"),
    /** Published, its publication date not reached yet. */
    PROGRAMMEE("programmée"),
    /** Published and between its publication date and its end (if any): shown to its audience. */
    EN_LIGNE("en ligne"),
    /** Published, its end date passed. */
    TERMINEE("terminée");

    private final String label;

    NewsState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The state at {@code at} of a news published or not, from {@code publishAt} (included) until {@code endAt}
     * (excluded; {@code null}: no end). A published news always has a publication date.
     */
    public static NewsState at(boolean published, Instant publishAt, Instant endAt, Instant at) {
        if (!published || publishAt == null) {
            return BROUILLON;
        }
        if (at.isBefore(publishAt)) {
            return PROGRAMMEE;
        }
        return endAt == null || at.isBefore(endAt) ? EN_LIGNE : TERMINEE;
    }
}
