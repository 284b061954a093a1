package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.messaging.Inbox;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The files of a message form as the inbox takes them: at most one byte more than the limit read from each. */
final class Parts {

    private Parts() {
    }

    /**
     * @throws Refused on the form's {@code files} field, in the page's language, when a file cannot be read (the
     *                 connection cut while it was sent, a file no longer kept): never the server's own words
     */
    static List<Inbox.Upload> uploads(List<Part> parts) {
        List<Inbox.Upload> uploads = new ArrayList<>();
        if (parts == null) {
            return uploads;
        }
        for (Part p : parts) {
            if (p != null && p.getSize() > 0) {
                try (InputStream in = p.getInputStream()) {
                    uploads.add(new Inbox.Upload(p.getSubmittedFileName(), in.readNBytes(UploadChecker.MAX_BYTES + 1)));
                } catch (IOException e) {
                    throw new Refused("files", Refused.text("upload.unreadable",
                            Refused.text("upload.what.attachment", p.getSubmittedFileName() == null ? ""
                                    : p.getSubmittedFileName())));
                }
            }
        }
        return uploads;
    }
}
