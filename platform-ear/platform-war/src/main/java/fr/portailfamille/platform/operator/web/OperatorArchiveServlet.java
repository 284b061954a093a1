package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.operator.OperatorCommunes;
import fr.portailfamille.platform.security.OperatorUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code /operateur/archive?id=}: a commune's archive downloaded from the console, its ENCRYPTED bytes as stored
 * (audited by {@link OperatorCommunes#archive}); an unknown id is 404, anyone but an operator 403.
 */
@WebServlet("/operateur/archive")
public class OperatorArchiveServlet extends HttpServlet {

    @Inject
    transient OperatorCommunes communes;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<OperatorCommunes.Download> download;
        try {
            download = communes.archive(id, OperatorUser.of(req));
        } catch (SecurityException e) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (download.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FileResponses.attachment(resp, "application/octet-stream", download.get().archive().getFileName());
        resp.setContentLengthLong(download.get().archive().getSize());
        try (InputStream in = download.get().bytes()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
