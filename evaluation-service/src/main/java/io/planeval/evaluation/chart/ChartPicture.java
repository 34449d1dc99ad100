package io.planeval.evaluation.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A chart for print and slides: its lines and marks as a PNG, and its axis labels as text to set over the picture at
 * the given places, so that the labels stay text (searchable, editable, in the document's embedded font) and drawing
 * the picture needs no font. Colours and strokes are the dashboard's (dashboard.css).
 *
 * @param png    the picture, a whole multiple of the chart's size in pixels
 * @param labels the axis labels, placed in the chart's units
 */
public record ChartPicture(Chart chart, byte[] png, List<Label> labels) {

    /** How a label lines up in its box. */
    public enum Align {
        CENTER, RIGHT;

        /** The word CSS's text-align uses. */
        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A label's text and its box, in the chart's units (the SVG's pixels). */
    public record Label(String text, double left, double top, double width, Align align) {
    }

    /** The size of a label's text: the dashboard's 12px axis text. */
    public static final double LABEL_SIZE = 12;
    /** The height of a label's box: its text with the leading. */
    public static final double LABEL_HEIGHT = 14;
    private static final double YEAR_LABEL_WIDTH = 100;

    private static final Color GRID = new Color(0xe3e3e3);
    private static final Color MUTED = new Color(0x555555);
    private static final Color ACCENT = new Color(0x0b57a4);

    /** The picture of a chart at {@code scale} pixels per chart unit (2 prints sharply at A4). */
    public static ChartPicture of(Chart chart, int scale) {
        return new ChartPicture(chart, png(chart, scale), labels(chart));
    }

    /** The width in the chart's units. */
    public int width() {
        return chart.width();
    }

    /** The height in the chart's units. */
    public int height() {
        return chart.height();
    }

    static List<Label> labels(Chart chart) {
        List<Label> labels = new ArrayList<>();
        for (Chart.Tick tick : chart.values()) {
            // Right-aligned up to the tick's x, centred on its y, as the SVG's text-anchor="end" dominant-baseline="middle".
            double x = Double.parseDouble(tick.x());
            labels.add(new Label(tick.label(), 0, Double.parseDouble(tick.y()) - LABEL_HEIGHT / 2, x, Align.RIGHT));
        }
        for (Chart.Tick tick : chart.years()) {
            // Centred on the tick's x with its baseline at y, as the SVG's text-anchor="middle".
            double x = Double.parseDouble(tick.x());
            labels.add(new Label(tick.label(), x - YEAR_LABEL_WIDTH / 2, Double.parseDouble(tick.y()) - LABEL_SIZE, YEAR_LABEL_WIDTH, Align.CENTER));
        }
        return List.copyOf(labels);
    }

    private static byte[] png(Chart chart, int scale) {
        BufferedImage image = new BufferedImage(chart.width() * scale, chart.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1));
            for (Chart.Tick tick : chart.values()) {
                double y = Double.parseDouble(tick.y());
                g.draw(new Line2D.Double(Double.parseDouble(tick.x()), y, chart.gridEnd(), y));
            }
            g.setColor(MUTED);
            g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0));
            g.draw(line(chart.path()));
            g.setStroke(new BasicStroke(2));
            for (Chart.Mark mark : chart.path()) {
                Ellipse2D circle = circle(mark, 4);
                g.setColor(Color.WHITE);
                g.fill(circle);
                g.setColor(MUTED);
                g.draw(circle);
            }
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line(chart.actuals()));
            for (Chart.Mark mark : chart.actuals()) {
                g.fill(circle(mark, 5));
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a chart as PNG", e);
        }
    }

    private static Path2D line(List<Chart.Mark> marks) {
        Path2D path = new Path2D.Double();
        for (Chart.Mark mark : marks) {
            double x = Double.parseDouble(mark.x());
            double y = Double.parseDouble(mark.y());
            if (path.getCurrentPoint() == null) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    private static Ellipse2D circle(Chart.Mark mark, double radius) {
        return new Ellipse2D.Double(Double.parseDouble(mark.x()) - radius, Double.parseDouble(mark.y()) - radius, radius * 2, radius * 2);
    }
}
