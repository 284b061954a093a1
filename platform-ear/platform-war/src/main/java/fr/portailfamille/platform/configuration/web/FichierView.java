package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.NextFocus;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code agent/configuration/fichier.xhtml}: the configuration file, exported by
 * {@link ConfigurationExportServlet} and imported here (this or another commune's file replaces the
 * whole configuration, checked whole first: every problem with its path, nothing written). A file that would cancel
 * families' bookings (closure days added, days that no longer run: {@code booking.ClosedDays}, counted by a trial
 * import rolled back, {@code ConfigurationService.bookingsUndoneByImport}) is held until the agent confirms it, as the
 * calendar and activities screens do.
 */
@Named
@ViewScoped
public class FichierView extends ConfigurationSection {

    /** A configuration file is a few kilobytes; anything over this is not one. */
    static final long MAX_BYTES = 2 * 1024 * 1024;

    private transient Part file;

    /** The file read, held until the agent confirms the bookings it cancels; null when none waits. */
    private String pending;

    @Override
    public void load() {
        // nothing to show but the form
    }

    /** "Importer": a configuration file exported by this or another commune replaces the configuration. */
    public void importFile() throws IOException {
        if (file == null || file.getSize() == 0) {
            FormErrors.show("import", List.of(new FieldError("file", Texts.of("agent.config.file.missing"))));
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            FormErrors.show("import", List.of(new FieldError("file", Texts.of("agent.config.file.tooLarge"))));
            return;
        }
        String json;
        try (InputStream in = file.getInputStream()) {
            // strictly: a file saved in Windows-1252 would otherwise be imported with « � » for every accent
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            FormErrors.show("import", List.of(new FieldError("file", Texts.of("agent.config.file.notUtf8"))));
            return;
        }
        pending = null;
        try {
            fr.portailfamille.platform.configuration.ConfigurationService.Impact impact =
                    configuration.bookingsUndoneByImport(user.require(), json);
            if (impact.any()) {
                pending = json;
                ConfigurationSection.told(impact, "agent.config.file.closure.confirm", "agent.config.file.billedLeft");
                NextFocus.on("confirmation:confirmer");
                return;
            }
        } catch (ConfigurationException e) {
            refused(e);
            return;
        }
        apply(json);
    }

    /** "Confirmer l'import": the file held imported, the bookings on the days it closes or stops cancelled with it. */
    public void confirmImport() {
        if (pending != null) {
            String json = pending;
            pending = null;
            apply(json);
        }
    }

    /** "Annuler": the file held is dropped, nothing imported. */
    public void cancelImport() {
        pending = null;
        FormErrors.info(Texts.of("agent.config.file.cancelled"));
    }

    private void apply(String json) {
        try {
            configuration.importJson(user.require(), json);
            FormErrors.info(Texts.of("agent.config.file.imported"));
        } catch (ConfigurationException e) {
            refused(e);
        }
    }

    private static void refused(ConfigurationException e) {
        FormErrors.show("import", e.errors().stream().map(x -> new FieldError("", problem(x))).toList());
    }

    /** A problem of the file as the summary lists it: "activities[2].name : message" (the path tells where). */
    static String problem(FieldError e) {
        return (e.field() == null || e.field().isEmpty() ? "" : e.field() + Texts.of("common.colon")) + Texts.of(e.text());
    }

    public boolean isPending() { return pending != null; }
    public Part getFile() { return file; }
    public void setFile(Part v) { file = v; }
}
