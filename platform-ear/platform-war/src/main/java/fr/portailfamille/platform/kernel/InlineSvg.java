package fr.portailfamille.platform.kernel;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * An SVG image (the commune's logo) made fit to sit inside an XHTML document that {@link HtmlPdf} draws:
 * parsed without DTD or external entities, refused unless its root is an SVG {@code <svg>} element,
 * given a viewBox when it has only a width and height (so that it scales), sized by CSS, and written
 * back without XML declaration. Scripts and external resources are not run by the renderer either.
 */
public final class InlineSvg {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?(px)?");

    private InlineSvg() {
    }

    /**
     * The element to place in the document, {@code width} × {@code height} (CSS lengths, e.g. {@code 30pt});
     * empty when {@code svg} is blank, not well-formed, or not an SVG image.
     */
    public static Optional<String> of(String svg, String width, String height) {
        if (svg == null || svg.isBlank()) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new InputSource(new StringReader(svg))).getDocumentElement();
            if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
                return Optional.empty();
            }
            String w = root.getAttribute("width").strip();
            String h = root.getAttribute("height").strip();
            if (root.getAttribute("viewBox").isBlank() && NUMBER.matcher(w).matches() && NUMBER.matcher(h).matches()) {
                root.setAttribute("viewBox", "0 0 " + w.replace("px", "") + " " + h.replace("px", ""));
            }
            root.removeAttribute("width");
            root.removeAttribute("height");
            root.setAttribute("style", "width: " + width + "; height: " + height + ";");
            var t = TransformerFactory.newInstance();
            t.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            t.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var out = t.newTransformer();
            out.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter written = new StringWriter(svg.length() + 64);
            out.transform(new DOMSource(root), new StreamResult(written));
            return Optional.of(written.toString());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
