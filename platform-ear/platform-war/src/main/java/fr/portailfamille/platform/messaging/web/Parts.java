package fr.portailfamille.platform.messaging.web;

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

    static List<Inbox.Upload> uploads(List<Part> parts) throws IOException {
        List<Inbox.Upload> uploads = new ArrayList<>();
        if (parts == null) {
            return uploads;
        }
        for (Part p : parts) {
            if (p != null && p.getSize() > 0) {
                try (InputStream in = p.getInputStream()) {
                    uploads.add(new Inbox.Upload(p.getSubmittedFileName(), in.readNBytes(UploadChecker.MAX_BYTES + 1)));
                }
            }
        }
        return uploads;
    }
}
