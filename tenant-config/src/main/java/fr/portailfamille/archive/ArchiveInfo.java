package fr.portailfamille.archive;

import java.time.Instant;

/**
 * One stored archive ({@code platform.commune_archive}): whose, when, by whom, its size and the SHA-256 of its
 * encrypted bytes (to check a copy moved elsewhere).
 */
public record ArchiveInfo(long id, long communeId, String slug, Instant createdAt, String createdBy,
                          String schemaVersion, long size, String sha256) implements java.io.Serializable {

    /** The file name offered for download, e.g. {@code montfaucou-2026-12-02T1015Z.pfarchive}. */
    public String fileName() {
        String at = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace(":", "");
        return slug + "-" + at + ".pfarchive";
    }
}
