package vn.id06.testkit.card;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws an invented face (a cartoon, not a person) and encodes it as a JPEG of 15-20 KB, the same
 * bytes for the same seed. Stateless.
 */
final class FaceJpeg {
  static final int WIDTH = 240;
  static final int HEIGHT = 320;
  static final int MIN_SIZE = 15 * 1024;
  static final int MAX_SIZE = 20 * 1024;

  private FaceJpeg() {}

  static byte[] generate(long seed) {
    BufferedImage img = draw(seed);
    byte[] best = null;
    for (int q = 95; q >= 20; q -= 5) {
      byte[] jpeg = encode(img, q / 100f);
      if (jpeg.length <= MAX_SIZE) {
        best = jpeg;
        break;
      }
    }
    if (best == null || best.length < MIN_SIZE) {
      throw new IllegalStateException("face JPEG outside 15-20 KB");
    }
    return best;
  }

  private static BufferedImage draw(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(225, 232, 240));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    Color skin = new Color(200 + r.nextInt(40), 160 + r.nextInt(40), 120 + r.nextInt(40));
    g.setColor(new Color(30 + r.nextInt(30), 25, 20));
    g.fillOval(45, 40, 150, 150);
    g.setColor(skin);
    g.fillRect(95, 220, 50, 40);
    g.fillOval(60, 65, 120, 165);
    g.setColor(new Color(40 + r.nextInt(60), 60 + r.nextInt(60), 110 + r.nextInt(80)));
    g.fillRoundRect(20, 250, 200, 120, 60, 60);
    g.setColor(Color.WHITE);
    g.fillOval(85, 125, 26, 14);
    g.fillOval(130, 125, 26, 14);
    g.setColor(new Color(40, 30, 20));
    g.fillOval(93, 127, 10, 10);
    g.fillOval(138, 127, 10, 10);
    g.drawArc(98, 185, 44, 18, 200, 140);
    g.drawLine(120, 140, 114, 172);
    g.drawLine(114, 172, 124, 172);
    g.dispose();
    // Sensor-like noise, so the JPEG has the size of a real card photo.
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb = img.getRGB(x, y);
        int n = r.nextInt(13) - 6;
        int red = clamp(((rgb >> 16) & 0xFF) + n);
        int green = clamp(((rgb >> 8) & 0xFF) + n);
        int blue = clamp((rgb & 0xFF) + n);
        img.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static byte[] encode(BufferedImage img, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
