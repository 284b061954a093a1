package fr.portailfamille.platform.security;

import fr.portailfamille.platform.kernel.RequestPath;
import fr.portailfamille.platform.kernel.PageLanguage;
import fr.portailfamille.platform.tenancy.OperatorHost;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an upload larger than its host's limit before the container reads it ({@link UploadLimit}): the communes'
 * hosts {@code pf.upload.max-request-mb} (40 by default: a page's whole form with its files), the operator host
 * {@code pf.operator.upload.max-request-mb} (2,048: a commune's archive, by the console or the API). Pages get a
 * plain French 413 (or 411) page, the API its JSON error, at once: the body is never parsed nor stored (the container
 * may still read and discard what the client goes on sending). Mapped in web.xml after the hardening filter.
 */
public class UploadLimitFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(UploadLimitFilter.class.getName());

    @Inject
    OperatorHost operatorHost;

    @Inject
    @ConfigProperty(name = "pf.upload.max-request-mb", defaultValue = "40")
    long communeMb;

    @Inject
    @ConfigProperty(name = "pf.operator.upload.max-request-mb", defaultValue = "2048")
    long operatorMb;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean operator = operatorHost.is(request);
        long max = UploadLimit.megabytes(operator ? operatorMb : communeMb);
        String path = RequestPath.of(request);
        // a body sent to an API, whatever type it declares (or none): a length above 0, or chunked
        boolean apiBody = path.startsWith("/api/")
                && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
        int refusal = UploadLimit.refusal(request.getContentType(), request.getContentLengthLong(), max, apiBody);
        if (refusal == UploadLimit.OK) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "Envoi refusé (" + refusal + ") : " + request.getContentLengthLong() + " octets annoncés pour "
                + request.getRequestURI() + ", limite " + max + " octets");
        response.setHeader("Connection", "close"); // the body is not read
        if (path.startsWith("/api/")) {
            response.setStatus(refusal);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(refusal == 413
                    ? "{\"code\":\"envoi_trop_volumineux\",\"message\":\"L'envoi dépasse la taille permise ("
                            + (apiBody && !UploadLimit.isUpload(request.getContentType()) ? UploadLimit.JSON_MAX_BYTES
                                    : UploadLimit.limit(request.getContentType(), max)) / (1024 * 1024) + " Mo).\",\"champs\":[]}"
                    : "{\"code\":\"longueur_requise\",\"message\":\"Indiquez la longueur de l'envoi (Content-Length).\","
                            + "\"champs\":[]}");
            return;
        }
        // not the Faces error page: rendering it would have the container parse the very body refused here
        response.setStatus(refusal);
        response.setContentType("text/html;charset=UTF-8");
        java.util.Locale locale = PageLanguage.of(request.getHeader("Accept-Language"));
        java.util.ResourceBundle msg = java.util.ResourceBundle.getBundle("fr.portailfamille.platform.web.messages", locale);
        String title = msg.getString("error." + refusal + ".title");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head><body><main><h1 id=\"error-title\">"
                + title + "</h1><p>" + msg.getString("error." + refusal + ".text") + "</p><p><a href=\""
                + request.getContextPath() + "/\">" + msg.getString("error.back") + "</a></p></main></body></html>");
    }
}
