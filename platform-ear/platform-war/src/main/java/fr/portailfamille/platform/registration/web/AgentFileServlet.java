package fr.portailfamille.platform.registration.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.registration.RegistrationService;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Agents download the documents families uploaded: registration documents ({@code /agent/document}; those asked under
 * a health document type's name for agent-sante only) and medical certificates ({@code /agent/certificat}: agent-sante
 * only). The services decide, for the agent of the request's commune (the tenant's schema); a refusal answers 403.
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
        SignedInUser agent = SignedInUser.of(req);
        String type;
        String name;
        byte[] content;
        try {
            if (req.getServletPath().endsWith("/document")) {
                var doc = registrations.document(agent, id);
                if (doc.isEmpty()) {
                    resp.sendError(404, "Document introuvable.");
                    return;
                }
                type = doc.get().contentType();
                name = doc.get().fileName();
                content = doc.get().content();
            } else {
                var cert = bookings.certificate(agent, id);
                if (cert.isEmpty()) {
                    resp.sendError(404, "Certificat introuvable.");
                    return;
                }
                type = (String) cert.get()[0];
                name = (String) cert.get()[1];
                content = (byte[]) cert.get()[2];
            }
        } catch (SecurityException e) {
            resp.sendError(403, StaffRoles.HEALTH_ONLY);
            return;
        }
        FileResponses.attachment(resp, RegistrationService.DOCUMENT_TYPES.contains(type) ? type : "application/octet-stream",
                name);
        FileResponses.send(resp, content);
    }
}
