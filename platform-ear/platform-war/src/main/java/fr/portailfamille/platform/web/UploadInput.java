package fr.portailfamille.platform.web;

import jakarta.faces.component.html.HtmlInputFile;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

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

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        if (isUpload(getSubmittedValue()) || isUpload(getLocalValue())) {
            boolean valid = isValid(); // a refused file's field stays marked invalid (aria-invalid) on this page
            resetValue();
            setValid(valid);
        }
        super.encodeBegin(context);
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
