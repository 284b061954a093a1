package fr.portailfamille.platform.archive.web;

import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.platform.archive.CommuneExports;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code agent/export.xhtml}: "Exporter les données de la commune" — the administrator types a passphrase twice,
 * the archive is made and stored encrypted; the commune's past exports (date, size, who) to download.
 */
@Named
@RequestScoped
public class ExportView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    @Inject
    CommuneExports exports;

    @Inject
    UserView user;

    private String passphrase;
    private String confirmation;
    private List<Row> rows;

    /** One past export, as the page shows it. */
    public static final class Row {
        private final ArchiveInfo archive;

        Row(ArchiveInfo archive) {
            this.archive = archive;
        }

        public long getId() {
            return archive.id();
        }

        public String getWhen() {
            return WHEN.format(archive.createdAt());
        }

        public String getSize() {
            return size(archive.size());
        }

        public String getBy() {
            return archive.createdBy();
        }

        public String getSha256() {
            return archive.sha256();
        }

        public String getFileName() {
            return archive.fileName();
        }
    }

    /** "Exporter": the archive made, stored and listed; the passphrases are never kept nor shown again. */
    public void export() {
        try {
            ArchiveInfo made = exports.export(user.require(), chars(passphrase), chars(confirmation));
            FormErrors.info("Archive créée (" + size(made.size()) + "). Conservez la phrase secrète : sans elle,"
                    + " personne ne peut ouvrir l'archive, pas même l'opérateur de la plateforme.");
            rows = null;
        } catch (Refused e) {
            FormErrors.show("export", List.of(new FieldError(e.field() == null ? "" : e.field(), e.getMessage())));
        } finally {
            passphrase = null;
            confirmation = null;
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = exports.list(user.require()).stream().map(Row::new).toList();
        }
        return rows;
    }

    /** A size in French units: "850 octets", "12,4 Ko", "3,2 Mo". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " octets";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.FRENCH, "%.1f Ko", bytes / 1024.0);
        }
        return String.format(Locale.FRENCH, "%.1f Mo", bytes / (1024.0 * 1024));
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    public String getPassphrase() { return null; }
    public void setPassphrase(String v) { passphrase = v; }
    public String getConfirmation() { return null; }
    public void setConfirmation(String v) { confirmation = v; }
}
