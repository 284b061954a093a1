package fr.portailfamille.platform.archive.web;

import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.platform.archive.CommuneExports;
import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code /agent/export/archive?id=}: an archive of the commune, encrypted as stored, for its agents; another
 * commune's or an unknown id is 404, a non-agent 403 (the service checks both).
 */
@WebServlet("/agent/export/archive")
public class ArchiveDownloadServlet extends HttpServlet {

    @Inject
    CommuneExports exports;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SignedInUser user = SignedInUser.of(req);
        Optional<ArchiveInfo> archive;
        try {
            archive = exports.find(user, id);
        } catch (SecurityException e) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<InputStream> bytes;
        try {
            bytes = archive.isEmpty() ? Optional.empty() : exports.open(user, id);
        } catch (SecurityException e) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (bytes.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FileResponses.attachment(resp, "application/octet-stream", archive.get().fileName());
        resp.setContentLengthLong(archive.get().size());
        try (InputStream in = bytes.get()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
