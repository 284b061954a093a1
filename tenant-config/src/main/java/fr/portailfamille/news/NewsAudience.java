package fr.portailfamille.news;

import java.util.Collection;

/** Whom a news is for: everyone (the public home too), or the families of one or several activities. */
public enum NewsAudience {
    EVERYONE("Tout le monde"),
    ACTIVITIES("Les familles d'activités");

    private final String label;

    NewsAudience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a reader sees a news of this audience targeting {@code targeted} activities: everyone sees a news for
     * everyone; a targeted news is for a family ({@code familyActivities} not null: the activities where one of its
     * children's registration is validated) that shares one activity with it, never for an anonymous visitor.
     */
    public boolean reaches(Collection<Long> targeted, Collection<Long> familyActivities) {
        if (this == EVERYONE) {
            return true;
        }
        return familyActivities != null && targeted != null && targeted.stream().anyMatch(familyActivities::contains);
    }
}
