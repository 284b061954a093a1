package fr.portailfamille.platform.operator;

import fr.portailfamille.archive.ArchiveInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A commune's stored archive as operators see it (pages read its getters): when, by whom, its size and the SHA-256 of
 * its ENCRYPTED bytes — operators move an archive, they never hold its passphrase.
 */
public final class OperatorArchive implements java.io.Serializable {

    private final ArchiveInfo info;

    public OperatorArchive(ArchiveInfo info) {
        this.info = info;
    }

    public long getId() {
        return info.id();
    }

    public String getSlug() {
        return info.slug();
    }

    public OffsetDateTime getCreatedAt() {
        return info.createdAt().atOffset(ZoneOffset.UTC);
    }

    public String getCreatedBy() {
        return info.createdBy();
    }

    public String getSchemaVersion() {
        return info.schemaVersion();
    }

    public long getSize() {
        return info.size();
    }

    /** The size for people: {@code 12,3 Mio}, {@code 850 Kio}. */
    public String getSizeText() {
        return sizeText(info.size());
    }

    /** A size in bytes for people: {@code 12,3 Mio}, {@code 850 Kio}. */
    public static String sizeText(long s) {
        if (s >= 1024L * 1024L) {
            return String.format(java.util.Locale.FRANCE, "%.1f Mio", s / (1024.0 * 1024.0));
        }
        return Math.max(1, (s + 1023) / 1024) + " Kio";
    }

    public String getSha256() {
        return info.sha256();
    }

    public String getFileName() {
        return info.fileName();
    }
}
