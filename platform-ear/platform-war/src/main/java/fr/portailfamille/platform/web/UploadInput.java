package fr.portailfamille.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.html.HtmlInputFile;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code h:inputFile} for the whole application (faces-config.xml). The view's state is serialized into the session
 * ({@code jakarta.faces.SERIALIZE_SERVER_STATE}), and a refused form keeps the field's submitted or local value in it
 * (a field inside {@code ui:repeat} in the repeat's saved row state, out of the field's reach): the container's
 * {@link Part} is not serializable, so saving the view failed. Here the uploaded file is an {@link UploadedPart}, which
 * is, without its content; and it is dropped from the field before the page is written again (a browser never shows
 * a file back in its field).
 */
public class UploadInput extends HtmlInputFile {

    @Override
    public void decode(FacesContext context) {
        super.decode(context);
        Object submitted = getSubmittedValue();
        if (submitted instanceof Part p) {
            setSubmittedValue(new UploadedPart(p));
        } else if (submitted instanceof Collection<?> c && c.stream().anyMatch(Part.class::isInstance)) {
            setSubmittedValue(c.stream().map(o -> o instanceof Part p ? new UploadedPart(p) : o).toList());
        }
    }

    /** The names of the files this request sent through the field and the refused form did not keep (this encoding). */
    private transient List<String> notKept;

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        notKept = null;
        if (refused(context)) {
            // the files are the field's own while a field of the form fails its checks, the bean's once the form
            // reached its action and the action refused it
            List<String> names = names(getSubmittedValue() != null ? getSubmittedValue() : getValue());
            notKept = names.isEmpty() ? null : names;
        }
        if (isUpload(getSubmittedValue()) || isUpload(getLocalValue())) {
            boolean valid = isValid(); // a refused file's field stays marked invalid (aria-invalid) on this page
            resetValue();
            setValid(valid);
        }
        super.encodeBegin(context);
    }

    /**
     * After the field, on a refused form that had files in it: which ones to choose again ("« assurance.pdf » n'a pas
     * été gardé…"), since a browser never puts a file back in its field — what the parent typed is all still there,
     * and this says what is not.
     */
    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        super.encodeEnd(context);
        if (notKept != null) {
            ResponseWriter w = context.getResponseWriter();
            w.startElement("p", null); // not this: the writer would give the note the field's passthrough attributes
            w.writeAttribute("id", getClientId(context) + "_again", null);
            w.writeAttribute("class", "pf-file-again", null);
            boolean french = "fr".equals(Texts.locale().getLanguage());
            String files = notKept.stream().map(n -> french ? "« " + n + " »" : "\u201C" + n + "\u201D")
                    .collect(Collectors.joining(", "));
            w.writeText(Texts.of("upload.notKept", files), null);
            w.endElement("p");
            notKept = null;
        }
    }

    /** Whether this response shows a refusal (an error message, of a field or of the form), or {@link #notTaken}. */
    static boolean refused(FacesContext context) {
        FacesMessage.Severity worst = context.getMaximumSeverity();
        return context.isValidationFailed() || Boolean.TRUE.equals(context.getAttributes().get(NOT_TAKEN))
                || worst != null && worst.getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal();
    }

    private static final String NOT_TAKEN = UploadInput.class.getName() + ".notTaken";

    /**
     * An action that sends nothing ("Vérifier", "Aperçu") tells the form's file fields that their files were not
     * taken: each names them beside it to be chosen again, as after a refusal — the page comes back without them, and
     * the message must not go without the file the agent had chosen.
     */
    public static void notTaken() {
        FacesContext.getCurrentInstance().getAttributes().put(NOT_TAKEN, Boolean.TRUE);
    }

    /** The names of the files chosen in a submitted value (none for an empty field). */
    static List<String> names(Object value) {
        Collection<?> parts = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        return parts.stream().filter(Part.class::isInstance).map(Part.class::cast)
                .filter(p -> p.getSubmittedFileName() != null && !p.getSubmittedFileName().isBlank() && p.getSize() > 0)
                .map(Part::getSubmittedFileName).toList();
    }

    static boolean isUpload(Object value) {
        return value instanceof Part || value instanceof Collection<?> c && c.stream().anyMatch(Part.class::isInstance);
    }

    /**
     * The request's uploaded file, usable during the request that received it; serializable, its content is not kept:
     * once the view is saved it only tells the file's name and size.
     */
    public static final class UploadedPart implements Part, Serializable {

        private final transient Part part;
        private final String name;
        private final String fileName;
        private final String contentType;
        private final long size;

        UploadedPart(Part part) {
            this.part = part;
            this.name = part.getName();
            this.fileName = part.getSubmittedFileName();
            this.contentType = part.getContentType();
            this.size = part.getSize();
        }

        private Part part() throws IOException {
            if (part == null) {
                throw new IOException("Le fichier « " + fileName + " » n'est plus disponible : envoyez-le de nouveau.");
            }
            return part;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return part().getInputStream();
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getSubmittedFileName() {
            return fileName;
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        public void write(String file) throws IOException {
            part().write(file);
        }

        @Override
        public void delete() throws IOException {
            if (part != null) {
                part.delete();
            }
        }

        @Override
        public String getHeader(String header) {
            return part == null ? null : part.getHeader(header);
        }

        @Override
        public Collection<String> getHeaders(String header) {
            return part == null ? List.of() : part.getHeaders(header);
        }

        @Override
        public Collection<String> getHeaderNames() {
            return part == null ? List.of() : part.getHeaderNames();
        }
    }
}
