package fr.portailfamille.platform.tenancy;

import fr.portailfamille.platform.kernel.RequestPath;
import fr.portailfamille.platform.kernel.JsonErrors;

import fr.portailfamille.platform.ops.OpsEndpointFilter;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one place where a request gets its commune: resolved from the Host header, bound to
 * {@link TenantContext} for the request and cleared in {@code finally}. An unknown host gets a 404
 * page; a commune named in a parameter that disagrees with the host gets a 400.
 * Mapped in web.xml (after the correlation filter) for REQUEST, FORWARD, INCLUDE and ERROR dispatches.
 * The operator host ({@link OperatorHost}) binds no commune: it serves the console and its API (marked with
 * {@link OperatorHost#ATTRIBUTE}) and 404 for anything else; commune hosts answer 404 on those paths.
 */
public class TenantFilter extends HttpFilter {

    /** Request attribute holding the resolved {@link Commune}. */
    public static final String COMMUNE_ATTRIBUTE = "pf.commune";
    /** Parameters a client could use to name a commune; they must agree with the host. */
    private static final List<String> COMMUNE_PARAMETERS = List.of("commune", "tenant", "slug");

    @Inject
    private CommuneDirectory directory;

    @Inject
    private OperatorHost operatorHost;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // /health/* and /metrics asked straight to the pod (the operations filter refused the others): no commune
        if (request.getAttribute(OpsEndpointFilter.INTERNAL) != null) {
            chain.doFilter(request, response);
            return;
        }
        String path = RequestPath.of(request);
        boolean firstDispatch = request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST;
        if (operatorHost.is(request)) {
            request.setAttribute(OperatorHost.ATTRIBUTE, Boolean.TRUE);
            if (firstDispatch && (path.isEmpty() || path.equals("/"))) {
                response.sendRedirect(request.getContextPath() + OperatorHost.PAGES + "communes.xhtml");
            } else if (firstDispatch && !OperatorHost.servedOnOperatorHost(path)) {
                unknownCommune(request, response);
            } else {
                chain.doFilter(request, response); // no commune: the console reads the platform's registry only
            }
            return;
        }
        if (firstDispatch && OperatorHost.isOperatorPath(path)) {
            unknownCommune(request, response);
            return;
        }
        Optional<Commune> resolved = directory.resolve(request.getHeader("Host"));
        if (resolved.isEmpty()) {
            Optional<Commune> suspended = directory.suspended(request.getHeader("Host"));
            if (suspended.isPresent()) {
                CommunePages.suspended(suspended.get(), request, response);
            } else {
                unknownCommune(request, response);
            }
            return;
        }
        Commune commune = resolved.get();
        if (!directory.serves(commune)) {
            CommunePages.maintenance(commune, request, response);
            return;
        }
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR
                && !parametersAgree(commune.slug(), request.getParameterMap())) {
            String why = "La commune demandée ne correspond pas à l'adresse du portail.";
            if (JsonErrors.isApi(request)) {
                JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "commune_incoherente", why);
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, why);
            }
            return;
        }
        Optional<Commune> previous = TenantContext.current();
        request.setAttribute(COMMUNE_ATTRIBUTE, commune);
        TenantContext.bind(commune);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous.isPresent()) {
                TenantContext.bind(previous.get());
            } else {
                TenantContext.clear();
            }
        }
    }

    /**
     * Whether every value of every commune parameter names this commune: {@code ?commune=alpha&commune=beta}
     * must not pass because the first value agrees.
     */
    static boolean parametersAgree(String slug, java.util.Map<String, String[]> parameters) {
        for (String name : COMMUNE_PARAMETERS) {
            String[] values = parameters.get(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!slug.equals(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void unknownCommune(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonErrors.isApi(request)) {
            JsonErrors.write(response, HttpServletResponse.SC_NOT_FOUND, "commune_inconnue",
                    "Aucune commune n'est servie à cette adresse.");
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = TenantFilter.class.getResourceAsStream("/pages/commune-inconnue.html")) {
            response.getWriter().write(new String(page.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
