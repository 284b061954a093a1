package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Agents download their commune's configuration file ({@code /agent/configuration.json}, agents only). */
@WebServlet("/agent/configuration.json")
public class ConfigurationExportServlet extends HttpServlet {

    @Inject
    ConfigurationService configuration;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] json;
        try {
            json = configuration.exportJson(fr.portailfamille.platform.security.SignedInUser.of(req))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (SecurityException e) {
            // web.xml lets only agents in; the service checks the commune's agent itself
            resp.sendError(403, e.getMessage());
            return;
        }
        FileResponses.attachment(resp, "application/json;charset=UTF-8",
                "configuration-" + TenantContext.require().slug() + "-" + PlatformTime.today() + ".json");
        FileResponses.send(resp, json);
    }
}
