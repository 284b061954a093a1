package fr.portailfamille.platform.ops;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Readiness and liveness for the orchestrator, on any host name (the tenant filter lets it through):
 * UP when the database answers.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    public static final String PATH = "/health";

    @Resource(lookup = "java:app/jdbc/portail")
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                throw new SQLException("connexion invalide");
            }
            response.getWriter().write("{\"status\":\"UP\"}");
        } catch (SQLException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().write("{\"status\":\"DOWN\"}");
        }
    }
}
