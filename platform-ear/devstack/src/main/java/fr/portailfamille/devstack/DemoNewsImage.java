package fr.portailfamille.devstack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** The demo news's illustration, drawn in code (a decorated fir tree under the snow) and encoded as a small PNG. */
final class DemoNewsImage {

    static final int WIDTH = 480;
    static final int HEIGHT = 270;

    private DemoNewsImage() {
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0x1d, 0x3b, 0x6e), 0, HEIGHT, new Color(0x4a, 0x78, 0xb5)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0xf4, 0xf7, 0xfb));
            g.fillOval(-80, 200, 360, 160);
            g.fillOval(180, 210, 420, 140);
            // the tree: three green tiers and a trunk
            g.setColor(new Color(0x5b, 0x3a, 0x1e));
            g.fillRect(228, 205, 24, 30);
            g.setColor(new Color(0x1f, 0x6b, 0x3a));
            for (int tier = 0; tier < 3; tier++) {
                int top = 40 + tier * 45;
                int half = 45 + tier * 22;
                g.fillPolygon(new Polygon(new int[] {240, 240 - half, 240 + half}, new int[] {top, top + 90, top + 90}, 3));
            }
            // baubles and a star
            Color[] baubles = {new Color(0xd6, 0x2f, 0x2f), new Color(0xf2, 0xa9, 0x00), new Color(0xff, 0xff, 0xff)};
            int[][] spots = {{225, 110}, {262, 140}, {205, 170}, {250, 185}, {280, 200}, {215, 205}, {245, 80}};
            for (int i = 0; i < spots.length; i++) {
                g.setColor(baubles[i % baubles.length]);
                g.fillOval(spots[i][0] - 6, spots[i][1] - 6, 12, 12);
            }
            g.setColor(new Color(0xf2, 0xc9, 0x4c));
            g.fillPolygon(new Polygon(new int[] {240, 246, 262, 249, 254, 240, 226, 231, 218, 234},
                    new int[] {18, 32, 33, 42, 58, 49, 58, 42, 33, 32}, 10));
            // snowflakes, always the same
            Random r = new Random(2026);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < 70; i++) {
                int x = r.nextInt(WIDTH);
                int y = r.nextInt(HEIGHT - 40);
                int d = 2 + r.nextInt(4);
                g.fillOval(x, y, d, d);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
