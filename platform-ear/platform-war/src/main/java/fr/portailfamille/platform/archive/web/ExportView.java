package fr.portailfamille.platform.archive.web;

import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.platform.archive.CommuneExports;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code agent/export.xhtml}: "Exporter les données de la commune" — the administrator types a passphrase twice,
 * the archive is made and stored encrypted; the commune's past exports (date, size, who) to download.
 */
@Named
@RequestScoped
public class ExportView {

    @Inject
    CommuneExports exports;

    @Inject
    UserView user;

    private String passphrase;
    private String confirmation;
    private List<Row> rows;

    /** One past export, as the page shows it (its date and size in the page's language). */
    public static final class Row {
        private final ArchiveInfo archive;
        private final String when;
        private final String size;

        Row(ArchiveInfo archive, String when, String size) {
            this.archive = archive;
            this.when = when;
            this.size = size;
        }

        public long getId() {
            return archive.id();
        }

        public String getWhen() {
            return when;
        }

        public String getSize() {
            return size;
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
            FormErrors.info(Texts.of("archive.created", size(made.size(), Texts.locale(), Texts::of)));
            rows = null;
        } catch (Refused e) {
            FormErrors.show("export", List.of(new FieldError(e.field() == null ? "" : e.field(), Texts.of(e))));
        } catch (SecurityException e) {
            FormErrors.error(Texts.of(e));
        } finally {
            passphrase = null;
            confirmation = null;
        }
    }

    /** Whether the administrator may make and download archives (they hold health data: {@code agent-sante} too). */
    public boolean isMayExport() {
        return CommuneExports.mayExport(user.require());
    }

    public List<Row> getRows() {
        if (rows == null) {
            Locale l = Texts.locale();
            DateTimeFormatter when = DateTimeFormatter.ofPattern(Texts.of("archive.when.pattern"), l).withZone(PlatformTime.ZONE);
            rows = exports.list(user.require()).stream()
                    .map(a -> new Row(a, when.format(a.createdAt()), size(a.size(), l, Texts::of))).toList();
        }
        return rows;
    }

    /**
     * A size in the units of {@code locale}, named by {@code units} (bundle key → text, {@code Texts::of} on the
     * page): "850 octets", "12,4 Ko", "3,2 Mo" in French.
     */
    static String size(long bytes, Locale locale, UnaryOperator<String> units) {
        if (bytes < 1024) {
            return bytes + " " + units.apply("archive.size.bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.1f", bytes / 1024.0) + " " + units.apply("archive.size.kb");
        }
        return String.format(locale, "%.1f", bytes / (1024.0 * 1024)) + " " + units.apply("archive.size.mb");
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    public String getPassphrase() { return null; }
    public void setPassphrase(String v) { passphrase = v; }
    public String getConfirmation() { return null; }
    public void setConfirmation(String v) { confirmation = v; }
}
