package fr.portailfamille.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The request of an error page, with a fresh {@code primefaces.nonce}. An error page renders a new view; when
 * the failed request was a form post, PrimeFaces' CSP mode takes it for a postback and reads the nonce the
 * post carried: a post without one (a forged or foreign form) would make the error page itself fail ("Missing
 * CSP nonce") and leave a bare 500. The error page gets its own random nonce instead, in its header and scripts.
 */
final class ErrorPageNonce extends HttpServletRequestWrapper {

    static final String PARAMETER = "primefaces.nonce";

    private final String nonce = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));

    ErrorPageNonce(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getParameter(String name) {
        return PARAMETER.equals(name) ? nonce : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
        return PARAMETER.equals(name) ? new String[] {nonce} : super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new HashMap<>(super.getParameterMap());
        map.put(PARAMETER, new String[] {nonce});
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }
}
