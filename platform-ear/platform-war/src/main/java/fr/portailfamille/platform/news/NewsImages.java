package fr.portailfamille.platform.news;

import fr.portailfamille.news.NewsRules;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.UploadChecker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The check of a news image, on its content as every upload ({@link UploadChecker}: Apache Tika reads the bytes, a
 * name never stands for a content), narrowed to JPEG and PNG, {@value NewsRules#IMAGE_MAX_BYTES} bytes at most; its
 * size in pixels is read from its header, then the image is read to its end at most 256 pixels wide (never decoded
 * whole in memory), which proves it is a complete image.
 */
public final class NewsImages {

    private NewsImages() {
    }

    /** An accepted image: its bytes, detected type and size in pixels. */
    public record Checked(byte[] content, String contentType, int width, int height) {
    }

    /**
     * Checks an uploaded image.
     *
     * @throws Refused on the field {@code image}: empty, over 2 Mo, not a real JPEG or PNG (an executable
     *         or a page renamed {@code .png}, a PDF), larger than {@value NewsRules#IMAGE_MAX_SIDE} pixels
     */
    public static Checked check(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new Refused("image", Refused.text("news.image.empty"));
        }
        if (content.length > NewsRules.IMAGE_MAX_BYTES) {
            throw new Refused("image", Refused.text("news.image.tooHeavy"));
        }
        UploadChecker.Accepted file;
        try {
            file = UploadChecker.check(UploadChecker.the("image"), name, content);
        } catch (UploadChecker.Rejected e) {
            throw notAnImage();
        }
        if (!file.contentType().equals("image/jpeg") && !file.contentType().equals("image/png")) {
            throw notAnImage();
        }
        int[] size = size(file.content(), file.contentType());
        if (size[0] > NewsRules.IMAGE_MAX_SIDE || size[1] > NewsRules.IMAGE_MAX_SIDE) {
            throw new Refused("image", Refused.text("news.image.tooLarge", size[0], size[1], NewsRules.IMAGE_MAX_SIDE));
        }
        return new Checked(file.content(), file.contentType(), size[0], size[1]);
    }

    /**
     * "L'image n'est pas un vrai fichier JPEG ou PNG (son contenu ne correspond pas à son type) : choisissez une photo
     * ou une illustration au format JPEG ou PNG.", in any language.
     */
    private static Refused notAnImage() {
        return new Refused("image", Refused.text("news.image.notAnImage"));
    }

    /** Width and height from the image's header, by the reader of its detected type. */
    private static int[] size(byte[] content, String contentType) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            throw notAnImage();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw notAnImage();
            }
            if (width <= NewsRules.IMAGE_MAX_SIDE && height <= NewsRules.IMAGE_MAX_SIDE) {
                // read to its end (a truncated or corrupt file fails here), keeping one pixel in step² in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / 256);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            }
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused r) {
                throw r;
            }
            if (e instanceof javax.imageio.IIOException && String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                // a JPEG made for print (CMYK): a real image, which this reader does not decode; said as such
                throw new Refused("image", Refused.text("news.image.cmyk"));
            }
            throw notAnImage();
        } finally {
            reader.dispose();
        }
    }
}
