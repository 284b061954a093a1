package fr.portailfamille.platform.surge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the surge queue gates, and what it answers a queued Faces AJAX request and a queued form post (read back as a
 * browser would).
 */
class SurgeFilterTest {

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A queued API request whose wait was cut answers as every other 503 of the API: its code, and when to retry. */
    @Test
    void aQueuedApiRequestCutByAStopGetsTheApisUnavailableCodeAndRetryAfter() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>();
        int[] status = {0};
        java.io.StringWriter body = new java.io.StringWriter();
        jakarta.servlet.http.HttpServletResponse response = (jakarta.servlet.http.HttpServletResponse)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class}, (proxy, method, args) -> {
                            switch (method.getName()) {
                                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                                case "setStatus" -> status[0] = (Integer) args[0];
                                case "getWriter" -> {
                                    return new java.io.PrintWriter(body);
                                }
                                default -> { }
                            }
                            return null;
                        });
        SurgeFilter.unavailable(response, true);
        assertEquals(503, status[0]);
        assertEquals("30", headers.get("Retry-After"));
        assertTrue(body.toString().contains("\"code\":\"service_indisponible\""), body.toString());
    }

    @Test
    void aQueuedAjaxRequestGetsAPartialResponseWithItsPositionAndDelay() throws Exception {
        Document doc = xml(SurgeFilter.partialResponse(true, 7, 4));
        assertEquals("partial-response", doc.getDocumentElement().getNodeName());
        Element changes = (Element) doc.getDocumentElement().getFirstChild();
        assertEquals("changes", changes.getNodeName());
        Element ext = (Element) changes.getElementsByTagName("extension").item(0);
        assertEquals("file_attente", ext.getAttribute("code"));
        assertEquals("7", ext.getAttribute("position"));
        assertEquals("4", ext.getAttribute("reessayerDans"));
        assertEquals("Beaucoup de familles se connectent en ce moment : vous êtes n° 7 dans la file, votre demande partira"
                + " automatiquement.", ext.getTextContent());

        Element full = (Element) xml(SurgeFilter.partialResponse(false, 0, 3)).getElementsByTagName("extension").item(0);
        assertEquals("file_pleine", full.getAttribute("code"));
        assertEquals("0", full.getAttribute("position"));
    }

    @Test
    void theQueuePageGivesThePlaceOrSaysTheQueueIsFull() throws Exception {
        String template;
        try (var in = SurgeFilter.class.getResourceAsStream("/pages/file-attente.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String[]> posted = Map.of("a", new String[] {"1"});
        String form = SurgeFilter.replayForm("/espace/planning.xhtml", posted, false, Map.of(), 5, true);
        String queued = SurgeFilter.queuePage(template, true, "Saint-Léger & Cie", 3, 5, "", form, false);
        assertTrue(queued.contains("<h1>Vous êtes dans la file d'attente</h1>"), queued);
        assertTrue(queued.contains("<span class=\"position\" id=\"position\">3</span>"), queued);
        assertTrue(queued.contains("Saint-Léger &amp; Cie") && queued.contains("votre demande partira une seule fois, à votre tour"));
        assertFalse(queued.matches("(?s).*\\{[a-z]+}.*"), "every placeholder filled");
        String full = SurgeFilter.queuePage(template, false, "Saint-Léger", 0, 5, "",
                SurgeFilter.replayForm("/espace/planning.xhtml", posted, false, Map.of(), 5, false), false);
        assertTrue(full.contains("<h1>La file d'attente est complète</h1>"), full);
        assertFalse(full.contains("Vous êtes dans la file") || full.contains("id=\"position\"") || full.contains("à votre tour"), full);
        assertTrue(full.contains("the queue is full") && full.contains("repartira une seule fois, dans quelques instants"), full);
        assertFalse(full.matches("(?s).*\\{[a-z]+}.*"), "every placeholder filled");
        assertTrue(queued.contains("Prochaine mise à jour dans 5 secondes"), queued);

        // a form sent with a file: its file chosen again and sent by the family — never « opens by itself », in no language
        String withFile = SurgeFilter.queuePage(template, true, "Saint-Léger", 3, 5, "", SurgeFilter.replayForm(
                "/espace/ma-demande.xhtml", posted, true, Map.of("request:proofFile", "bulletin.pdf"), 5, true), true);
        assertTrue(withFile.contains("choose it again above, then press « Envoyer à nouveau »"), withFile);
        assertTrue(withFile.contains("choisissez-le à nouveau ci-dessous, puis envoyez votre demande"), withFile);
        assertFalse(withFile.contains("opens by itself") || withFile.contains("Prochaine mise à jour")
                || withFile.contains("se met à jour toute seule"), withFile);
        assertFalse(withFile.matches("(?s).*\\{[a-z]+}.*"), "every placeholder filled");
    }

    @Test
    void aQueuedFormPostIsPostedAgainWithEveryFieldEscaped() throws Exception {
        Map<String, String[]> posted = new LinkedHashMap<>();
        posted.put("planning", new String[] {"planning"});
        posted.put("jakarta.faces.ViewState", new String[] {"-123:456"});
        posted.put("note", new String[] {"\"<b>&{context}</b>", "deux"});
        String form = SurgeFilter.replayForm("/espace/planning.xhtml", posted, false, Map.of(), 5, true);
        assertFalse(form.contains("<b>"), form);
        Document doc = xml(form);
        Element root = doc.getDocumentElement();
        assertEquals("post", root.getAttribute("method"));
        assertEquals("/espace/planning.xhtml", root.getAttribute("action"));
        assertEquals("5", root.getAttribute("data-refresh"));
        NodeList inputs = root.getElementsByTagName("input");
        assertEquals(4, inputs.getLength());
        assertEquals("-123:456", ((Element) inputs.item(1)).getAttribute("value"));
        assertEquals("\"<b>&{context}</b>", ((Element) inputs.item(2)).getAttribute("value"));
        assertEquals("deux", ((Element) inputs.item(3)).getAttribute("value"));
        assertTrue(root.getElementsByTagName("button").getLength() == 1, form);
        assertFalse(root.hasAttribute("enctype"));
    }

    @Test
    void aQueuedUploadAsksForItsFileAgainAndIsNotPostedByItself() throws Exception {
        Map<String, String[]> posted = new LinkedHashMap<>();
        posted.put("request", new String[] {"request"});
        posted.put("request:working", new String[] {"on"});
        String form = SurgeFilter.replayForm("/espace/ma-demande.xhtml", posted, true,
                Map.of("request:proofFile", "bulletin <1>.pdf"), 5, true);
        Element root = xml(form).getDocumentElement();
        assertEquals("multipart/form-data", root.getAttribute("enctype"));
        assertFalse(root.hasAttribute("data-refresh"), "the family sends it once the file is chosen again");
        NodeList inputs = root.getElementsByTagName("input");
        assertEquals(3, inputs.getLength());
        Element file = (Element) inputs.item(2);
        assertEquals("file", file.getAttribute("type"));
        assertEquals("request:proofFile", file.getAttribute("name"));
        assertEquals("required", file.getAttribute("required"));
        Element label = (Element) root.getElementsByTagName("label").item(0);
        assertEquals(file.getAttribute("id"), label.getAttribute("for"));
        assertTrue(label.getTextContent().contains("« bulletin <1>.pdf »"), label.getTextContent());
    }

    @Test
    void thePagesAndEveryPostOfTheFamiliesApiPassTheGateItsReadsDoNot() {
        assertTrue(SurgeFilter.gated("/espace/planning.xhtml", "GET"));
        assertTrue(SurgeFilter.gated("/espace/ma-demande.xhtml", "POST"));
        assertTrue(SurgeFilter.gated("/api/famille/v1/reservations", "POST"));
        assertTrue(SurgeFilter.gated("/api/famille/v1/fenetres/12/demande", "POST"));
        assertTrue(SurgeFilter.gated("/api/famille/v1/documents", "POST"), "a document sent (multipart) queues too");
        assertFalse(SurgeFilter.gated("/api/famille/v1/documents", "GET"));
        assertFalse(SurgeFilter.gated("/api/famille/v1/documents/12/fichier", "GET"));
        assertFalse(SurgeFilter.gated("/espace/documents.xhtml", "POST"));
    }
}
