package fr.portailfamille.platform.family.documents.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Downloads of Mes documents: a family its own ({@code /espace/document?id=}), an agent any of the commune's
 * ({@code /agent/document-famille?id=}; health ones for agent-sante only). The service decides; another family's
 * document, an unknown id and a refused role answer alike (404), so that an id tells nothing.
 */
@WebServlet({"/espace/document", "/agent/document-famille"})
public class DocumentFileServlet extends HttpServlet {

    @Inject
    FamilyDocuments documents;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SignedInUser user = SignedInUser.of(req);
        if (user == null) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<FamilyDocuments.Stored> doc;
        try {
            long id = Long.parseLong(req.getParameter("id"));
            doc = req.getServletPath().startsWith("/agent/") ? documents.agentDownload(user, id)
                    : documents.download(user, id);
        } catch (NumberFormatException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Identifiant de document invalide.");
            return;
        } catch (SecurityException | Refused e) {
            doc = Optional.empty();
        }
        if (doc.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FamilyDocuments.Stored d = doc.get();
        FileResponses.attachment(resp, d.contentType(), d.fileName());
        FileResponses.send(resp, d.content());
    }
}
