package fr.portailfamille.platform.operator;

import fr.portailfamille.platform.kernel.Refused;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.tika.Tika;

/**
 * A commune's logo sent by an operator, checked on its content (Apache Tika): an SVG is kept as it is (then checked
 * for scripts by the commune rules), a PNG is kept inside an SVG that draws it, so that every logo is stored and served
 * as SVG; anything else, or more than 140 ko, is refused ({@code operator.logo.*}) for the field {@code logoSvg}.
 */
public final class LogoUpload {

    public static final int MAX_BYTES = 140 * 1024;
    private static final Tika TIKA = new Tika();

    private LogoUpload() {
    }

    /** The logo as SVG text; {@code null} when nothing was sent. */
    public static String toSvg(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return null;
        }
        if (content.length > MAX_BYTES) {
            throw new Refused("logoSvg", Refused.text("operator.logo.tooLarge"));
        }
        String type = TIKA.detect(content, fileName);
        if ("image/svg+xml".equals(type)) {
            return new String(content, StandardCharsets.UTF_8);
        }
        if ("image/png".equals(type) && "image/png".equals(TIKA.detect(content))) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><image width=\"64\" height=\"64\""
                    + " preserveAspectRatio=\"xMidYMid meet\" href=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(content) + "\"/></svg>";
        }
        throw new Refused("logoSvg", Refused.text("operator.logo.notAnImage"));
    }
}
