package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.Branding;
import fr.portailfamille.tenancy.Commune;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The commune's look, served at its own URL: {@code /branding.css} (CSS custom properties with its
 * colours, used by the platform's pages and by the Keycloak login theme) and {@code /logo} (its SVG).
 */
@WebServlet(urlPatterns = {"/branding.css", "/logo"})
public class BrandingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Commune commune = TenantContext.require();
        Branding b = commune.branding();
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (request.getServletPath().equals("/logo")) {
            response.setContentType("image/svg+xml");
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            String svg = b.logoSvg() != null ? b.logoSvg() : defaultLogo(commune, b);
            response.getOutputStream().write(svg.getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/css;charset=UTF-8");
        response.getWriter().write(":root {\n"
                + "  --pf-primary: " + b.primaryColor() + ";\n"
                + "  --pf-primary-dark: " + darken(b.primaryColor()) + ";\n"
                + "  --pf-accent: " + b.accentColor() + ";\n"
                + "  --pf-v5-global--primary-color--100: " + b.primaryColor() + ";\n"
                + "  --pf-v5-global--primary-color--200: " + darken(b.primaryColor()) + ";\n"
                + "  --pf-v5-global--link--Color: " + b.primaryColor() + ";\n"
                + "  --pf-v5-global--link--Color--hover: " + darken(b.primaryColor()) + ";\n"
                + "}\n");
    }

    private static String defaultLogo(Commune commune, Branding b) {
        String initial = commune.name().substring(0, 1).toUpperCase(Locale.FRENCH)
                .replace("&", "&amp;").replace("<", "&lt;");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" rx=\"10\""
                + " fill=\"" + b.primaryColor() + "\"/><text x=\"32\" y=\"44\" font-size=\"36\" text-anchor=\"middle\""
                + " fill=\"#fff\" font-family=\"sans-serif\">" + initial + "</text></svg>";
    }

    /** The colour 30 % darker, for hover and focus states (darker keeps contrast with white). */
    static String darken(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (int) (((rgb >> 16) & 0xff) * 0.7);
        int g = (int) (((rgb >> 8) & 0xff) * 0.7);
        int bl = (int) ((rgb & 0xff) * 0.7);
        return String.format("#%02x%02x%02x", r, g, bl);
    }
}
