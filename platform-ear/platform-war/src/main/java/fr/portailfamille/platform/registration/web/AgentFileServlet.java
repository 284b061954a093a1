package fr.portailfamille.platform.registration.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.registration.RegistrationService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Agents download the documents families uploaded: registration documents ({@code /agent/document})
 * and medical certificates ({@code /agent/certificat}, health data: agent-sante only). Under
 * {@code /agent/*}, so agents only, of the commune of the request (the tenant's schema).
 */
@WebServlet({"/agent/document", "/agent/certificat"})
public class AgentFileServlet extends HttpServlet {

    @Inject
    RegistrationService registrations;

    @Inject
    AbsenceService bookings;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
            resp.sendError(400, "Identifiant de document invalide.");
            return;
        }
        String type;
        String name;
        byte[] content;
        if (req.getServletPath().endsWith("/document")) {
            var doc = registrations.document(id);
            if (doc.isEmpty()) {
                resp.sendError(404, "Document introuvable.");
                return;
            }
            type = doc.get().contentType();
            name = doc.get().fileName();
            content = doc.get().content();
        } else {
            if (!req.isUserInRole("agent-sante")) {
                resp.sendError(403, "Les certificats médicaux sont réservés aux agents habilités (rôle agent-santé).");
                return;
            }
            var cert = bookings.certificate(id);
            if (cert.isEmpty()) {
                resp.sendError(404, "Certificat introuvable.");
                return;
            }
            type = (String) cert.get()[0];
            name = (String) cert.get()[1];
            content = (byte[]) cert.get()[2];
        }
        FileResponses.attachment(resp, RegistrationService.DOCUMENT_TYPES.contains(type) ? type : "application/octet-stream",
                name);
        FileResponses.send(resp, content);
    }
}
