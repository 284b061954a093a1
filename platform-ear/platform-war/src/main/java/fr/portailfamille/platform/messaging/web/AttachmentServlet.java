package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Attachments of the Boîte de réception: a family those of its own threads ({@code /espace/piece-jointe?id=}), an
 * agent those of its services' threads ({@code /agent/piece-jointe?id=}), with the headers of Mes documents'
 * downloads. Another family's attachment, an unknown id and a refused role answer alike (404).
 */
@WebServlet({"/espace/piece-jointe", "/agent/piece-jointe"})
public class AttachmentServlet extends HttpServlet {

    @Inject
    Inbox inbox;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SignedInUser user = SignedInUser.of(req);
        if (user == null) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<Inbox.Stored> file;
        try {
            long id = Long.parseLong(req.getParameter("id"));
            file = req.getServletPath().startsWith("/agent/") ? inbox.agentAttachment(user, id) : inbox.familyAttachment(user, id);
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Identifiant de pièce jointe invalide.");
            return;
        } catch (SecurityException | Refused e) {
            file = Optional.empty();
        }
        if (file.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Inbox.Stored f = file.get();
        FileResponses.attachment(resp, f.contentType(), f.fileName());
        FileResponses.send(resp, f.content());
    }
}
