package fr.portailfamille.platform.family;

/**
 * What an agent filters the families list by; any part may be {@code null} (not filtered). Texts match
 * anywhere, without regard to case: household name, a child's first or last name, a child's school.
 */
public record FamilyFilter(String name, String child, FamilyStatus status, String school, QfRange qf) {

    public static final FamilyFilter NONE = new FamilyFilter(null, null, null, null, null);

    public FamilyFilter {
        name = blankToNull(name);
        child = blankToNull(child);
        school = blankToNull(school);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
