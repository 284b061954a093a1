package fr.portailfamille.payfip.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated payment page ({@code GET /tpa/paiementws.web?idop=…}): what is paid, and a form where the tester
 * pays, refuses or abandons, by card or direct debit, and may choose how the platform is notified. The form posts
 * back here; the answer is a 303 to {@code urlredirect?idOp=…}. Plain HTML, French, without script.
 */
final class PaymentPage implements HttpHandler {

    private final PayfipSimulator simulator;

    PaymentPage(PayfipSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if ("GET".equals(method)) {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                show(exchange, query.getOrDefault("idop", ""));
            } else if ("POST".equals(method)) {
                Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                decide(exchange, body);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                send(exchange, 405, page("Méthode non acceptée", "<p>Seuls GET et POST sont acceptés.</p>"));
            }
        }
    }

    private void show(HttpExchange exchange, String idOp) throws IOException {
        Optional<SimulatedPayment> found = simulator.payment(idOp);
        if (found.isEmpty()) {
            send(exchange, 404, page("Paiement introuvable",
                    "<p>Aucun paiement ne correspond à cet identifiant d'opération.</p>"));
            return;
        }
        SimulatedPayment p = found.get();
        if (simulator.expired(p)) {
            send(exchange, 410, expired());
            return;
        }
        if (p.resultrans() != null) {
            send(exchange, 409, page("Paiement déjà traité",
                    "<p>Ce paiement a déjà reçu une réponse (résultat " + esc(p.resultrans()) + ").</p>"));
            return;
        }
        StringBuilder modes = new StringBuilder();
        for (NotificationMode m : NotificationMode.values()) {
            modes.append("<option value=\"").append(m.name()).append('"')
                    .append(m == simulator.notificationMode() ? " selected" : "").append('>')
                    .append(esc(m == NotificationMode.REPEATED
                            ? m.label() + " (" + simulator.notificationRepeat() + " fois)" : m.label()))
                    .append("</option>");
        }
        String body = "<p>Simulateur local de PayFiP : aucune carte n'est demandée, aucun argent ne circule.</p>"
                + "<dl>"
                + "<dt>Objet</dt><dd>" + esc(p.objet() == null ? "" : p.objet()) + "</dd>"
                + "<dt>Référence</dt><dd>" + esc(p.refdet()) + "</dd>"
                + "<dt>Montant</dt><dd>" + euros(p.montant()) + "</dd>"
                + "<dt>Courriel</dt><dd>" + esc(p.mel()) + "</dd>"
                + "<dt>Mode</dt><dd>" + ("W".equals(p.saisie()) ? "production" : "test") + "</dd>"
                + "</dl>"
                + "<form method=\"post\" action=\"" + PayfipSimulator.PAGE_PATH + "\">"
                + "<input type=\"hidden\" name=\"idop\" value=\"" + esc(p.idOp()) + "\">"
                + "<fieldset><legend>Moyen de paiement</legend>"
                + "<input type=\"radio\" id=\"moyen-carte\" name=\"moyen\" value=\"carte\" checked>"
                + "<label for=\"moyen-carte\">Carte bancaire</label> "
                + "<input type=\"radio\" id=\"moyen-prelevement\" name=\"moyen\" value=\"prelevement\">"
                + "<label for=\"moyen-prelevement\">Prélèvement unique</label>"
                + "</fieldset>"
                + "<p><label for=\"notification\">Notification du portail</label> "
                + "<select id=\"notification\" name=\"notification\">" + modes + "</select></p>"
                + "<p><button type=\"submit\" name=\"choix\" value=\"payer\">Payer</button> "
                + "<button type=\"submit\" name=\"choix\" value=\"refuser\">Refuser</button> "
                + "<button type=\"submit\" name=\"choix\" value=\"abandonner\">Abandonner</button></p>"
                + "</form>";
        send(exchange, 200, page("Paiement sécurisé", body));
    }

    private void decide(HttpExchange exchange, Map<String, String> form) throws IOException {
        Decision decision;
        try {
            decision = Decision.valueOf(form.getOrDefault("choix", "").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, page("Choix manquant", "<p>Choisissez « Payer », « Refuser » ou « Abandonner ».</p>"));
            return;
        }
        NotificationMode how = simulator.notificationMode();
        if (form.containsKey("notification")) {
            try {
                how = NotificationMode.valueOf(form.get("notification"));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, page("Notification inconnue", "<p>Ce mode de notification n'existe pas.</p>"));
                return;
            }
        }
        Optional<SimulatedPayment> asked = simulator.payment(form.getOrDefault("idop", ""));
        if (asked.isPresent() && simulator.expired(asked.get())) {
            send(exchange, 410, expired());
            return;
        }
        boolean debit = "prelevement".equals(form.get("moyen"));
        Optional<URI> next = simulator.decide(form.getOrDefault("idop", ""), decision, debit, how,
                simulator.notificationRepeat());
        if (next.isEmpty()) {
            send(exchange, 409, page("Paiement introuvable ou déjà traité",
                    "<p>Ce paiement n'existe pas ou a déjà reçu une réponse.</p>"));
            return;
        }
        exchange.getResponseHeaders().set("Location", next.get().toString());
        exchange.sendResponseHeaders(303, -1);
    }

    private static String expired() {
        return page("Paiement expiré", "<p>Le délai de 15 minutes pour payer est dépassé : rien n'a été payé."
                + " Revenez sur le portail de votre commune pour recommencer.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " – simulateur PayFiP</title></head>"
                + "<body><main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** "1234" cents → "12,34 €" */
    static String euros(String cents) {
        long c = Long.parseLong(cents);
        return String.format("%d,%02d\u00a0€", c / 100, c % 100);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
