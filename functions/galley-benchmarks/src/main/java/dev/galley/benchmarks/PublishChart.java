package dev.galley.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Draws what {@code publish --results FILE} measured as an SVG: for each kind of change (new, edit, delete) the
 * median wall time, the median CPU time and the kilobytes read plus written per publish (besides the article's own
 * page and its source, where the results say), against the site's size on
 * a log scale, one line per label ("before", "after", ...; the median of its runs where a size has several), so that
 * the flatness can be seen. Written with the JDK's
 * StAX writer, which escapes what it writes.
 */
final class PublishChart {

    static final String USAGE = "publish-chart --results FILE --out FILE.svg [--label LABEL]...";

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final List<String> CHANGES = List.of("new", "edit", "delete");
    private static final Map<String, String> COLOURS = Map.of("new", "#1b6ca8", "edit", "#2e8b57", "delete", "#c0392b");
    private static final List<String> DASHES = List.of("7,4", "", "2,3", "10,3,2,3", "1,2");
    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 220;
    private static final int LEFT = 60;
    private static final int TOP = 50;
    private static final int GAP = 70;

    private record Panel(String title, String unit, ToDoubleFunction<JsonNode> value) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel("Median wall time", "ms", change -> change.path("ms").asDouble()),
            new Panel("Median CPU time of the handler's threads", "ms", change -> change.path("handlerCpuMs").asDouble(change.path("cpuMs").asDouble())),
            new Panel("Read + written besides the article's own page", "KB", change -> change.has("besidesOwnPage")
                    ? change.path("besidesOwnPage").asDouble() / 1024 : (change.path("read").asDouble() + change.path("written").asDouble()) / 1024));

    private Path results;
    private Path out;
    /** The labels to draw, in the results' order; all of them when none is given. */
    private final List<String> labels = new ArrayList<>();

    static PublishChart parse(String[] args) {
        PublishChart command = new PublishChart();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--results" -> command.results = Path.of(args[i + 1]);
                case "--out" -> command.out = Path.of(args[i + 1]);
                case "--label" -> command.labels.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (command.results == null || command.out == null) {
            throw new IllegalArgumentException(USAGE);
        }
        return command;
    }

    void run() throws IOException, XMLStreamException {
        // label -> articles -> the runs' results; several runs of one label and size are drawn as their median
        Map<String, TreeMap<Integer, List<JsonNode>>> byLabel = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(results)) {
            if (!line.isBlank()) {
                JsonNode result = json.readTree(line);
                byLabel.computeIfAbsent(result.path("label").asText(), label -> new TreeMap<>())
                        .computeIfAbsent(result.path("articles").asInt(), articles -> new ArrayList<>()).add(result);
            }
        }
        if (!labels.isEmpty()) {
            for (String label : labels) {
                if (!byLabel.containsKey(label)) {
                    throw new IllegalArgumentException("no results labelled \"" + label + "\" in " + results + "; it has " + byLabel.keySet());
                }
            }
            byLabel.keySet().retainAll(labels);
        }
        if (byLabel.containsKey("before")) {  // drawn first, dashed: what the others are compared with
            Map<String, TreeMap<Integer, List<JsonNode>>> beforeFirst = new LinkedHashMap<>();
            beforeFirst.put("before", byLabel.remove("before"));
            beforeFirst.putAll(byLabel);
            byLabel = beforeFirst;
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            XMLStreamWriter svg = XMLOutputFactory.newFactory().createXMLStreamWriter(file, "UTF-8");
            int width = LEFT + PANELS.size() * (PANEL_WIDTH + GAP);
            int height = TOP + PANEL_HEIGHT + 110;
            svg.writeStartDocument("UTF-8", "1.0");
            svg.writeStartElement("svg");
            svg.writeDefaultNamespace(SVG);
            svg.writeAttribute("width", String.valueOf(width));
            svg.writeAttribute("height", String.valueOf(height));
            svg.writeAttribute("viewBox", "0 0 " + width + " " + height);
            svg.writeAttribute("font-family", "sans-serif");
            svg.writeAttribute("font-size", "11");
            rect(svg, 0, 0, width, height, "#ffffff", "none");
            text(svg, LEFT, 22, "Publish one change into a site of N articles: warm handler, in-process S3, medians (log scales)", "14", "start");
            for (int p = 0; p < PANELS.size(); p++) {
                panel(svg, PANELS.get(p), LEFT + p * (PANEL_WIDTH + GAP), byLabel);
            }
            legend(svg, TOP + PANEL_HEIGHT + 50, new ArrayList<>(byLabel.keySet()));
            svg.writeEndElement();
            svg.writeEndDocument();
            svg.close();
        }
        System.out.println("wrote " + out + " from " + byLabel.size() + " labels: " + byLabel.keySet());
    }

    private static void panel(XMLStreamWriter svg, Panel panel, int x, Map<String, TreeMap<Integer, List<JsonNode>>> byLabel) throws XMLStreamException {
        double low = Double.MAX_VALUE;
        double high = 0;
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (TreeMap<Integer, List<JsonNode>> sizes : byLabel.values()) {
            for (Map.Entry<Integer, List<JsonNode>> size : sizes.entrySet()) {
                fewest = Math.min(fewest, size.getKey());
                most = Math.max(most, size.getKey());
                for (String change : CHANGES) {
                    double value = median(panel, size.getValue(), change);
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        double yLow = Math.pow(10, Math.floor(Math.log10(low)));
        double yHigh = Math.pow(10, Math.ceil(Math.log10(high)));
        double xLow = Math.log10(fewest);
        double xHigh = Math.max(Math.log10(most), xLow + 1);
        rect(svg, x, TOP, PANEL_WIDTH, PANEL_HEIGHT, "#fafafa", "#999999");
        text(svg, x, TOP - 10, panel.title() + ", " + panel.unit(), "12", "start");
        for (double tick = yLow; tick <= yHigh * 1.0001; tick *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                double value = tick * step;
                if (value > yHigh * 1.0001) {
                    break;
                }
                double y = y(value, yLow, yHigh);
                line(svg, x, y, x + PANEL_WIDTH, y, step == 1 ? "#cccccc" : "#eeeeee", "", 1);
                text(svg, x - 5, y + 4, number(value), "10", "end");
            }
        }
        for (int size = fewest; size <= most; size *= 10) {
            double px = x + (Math.log10(size) - xLow) / (xHigh - xLow) * PANEL_WIDTH;
            line(svg, px, TOP, px, TOP + PANEL_HEIGHT, "#dddddd", "", 1);
            text(svg, px, TOP + PANEL_HEIGHT + 15, String.format(Locale.ROOT, "%,d", size), "10", "middle");
        }
        text(svg, x + PANEL_WIDTH / 2.0, TOP + PANEL_HEIGHT + 30, "articles in the site", "10", "middle");
        int label = 0;
        for (TreeMap<Integer, List<JsonNode>> sizes : byLabel.values()) {
            String dash = DASHES.get(label++ % DASHES.size());
            for (String change : CHANGES) {
                StringBuilder points = new StringBuilder();
                for (Map.Entry<Integer, List<JsonNode>> size : sizes.entrySet()) {
                    double px = x + (Math.log10(size.getKey()) - xLow) / (xHigh - xLow) * PANEL_WIDTH;
                    double value = median(panel, size.getValue(), change);
                    if (Double.isNaN(value)) {
                        continue;  // a run of one change only (publish --only)
                    }
                    double py = y(value, yLow, yHigh);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                    circle(svg, px, py, COLOURS.get(change));
                }
                if (points.isEmpty()) {
                    continue;
                }
                svg.writeEmptyElement("polyline");
                svg.writeAttribute("points", points.toString().strip());
                svg.writeAttribute("fill", "none");
                svg.writeAttribute("stroke", COLOURS.get(change));
                svg.writeAttribute("stroke-width", "2");
                if (!dash.isEmpty()) {
                    svg.writeAttribute("stroke-dasharray", dash);
                }
            }
        }
    }

    /** The median of the runs' values for one change (at least 0.1, for the log scale); NaN when no run timed it. */
    private static double median(Panel panel, List<JsonNode> runs, String change) {
        double[] values = runs.stream().filter(run -> run.has(change)).mapToDouble(run -> panel.value().applyAsDouble(run.path(change))).toArray();
        return values.length == 0 ? Double.NaN : Math.max(Median.of(values), 0.1);
    }

    private static double y(double value, double low, double high) {
        return TOP + PANEL_HEIGHT - (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)) * PANEL_HEIGHT;
    }

    private static void legend(XMLStreamWriter svg, int y, List<String> labels) throws XMLStreamException {
        int x = LEFT;
        for (String change : CHANGES) {
            line(svg, x, y, x + 30, y, COLOURS.get(change), "", 2);
            text(svg, x + 36, y + 4, change.equals("new") ? "publish a new article" : change.equals("edit") ? "edit an article" : "delete an article",
                    "11", "start");
            x += 170;
        }
        x = LEFT;
        for (int i = 0; i < labels.size(); i++) {
            line(svg, x, y + 22, x + 30, y + 22, "#333333", DASHES.get(i % DASHES.size()), 2);
            text(svg, x + 36, y + 26, labels.get(i), "11", "start");
            x += 170;
        }
    }

    private static String number(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void rect(XMLStreamWriter svg, double x, double y, double width, double height, String fill, String stroke)
            throws XMLStreamException {
        svg.writeEmptyElement("rect");
        attributes(svg, "x", x, "y", y, "width", width, "height", height);
        svg.writeAttribute("fill", fill);
        svg.writeAttribute("stroke", stroke);
    }

    private static void line(XMLStreamWriter svg, double x1, double y1, double x2, double y2, String stroke, String dash, int width)
            throws XMLStreamException {
        svg.writeEmptyElement("line");
        attributes(svg, "x1", x1, "y1", y1, "x2", x2, "y2", y2);
        svg.writeAttribute("stroke", stroke);
        svg.writeAttribute("stroke-width", String.valueOf(width));
        if (!dash.isEmpty()) {
            svg.writeAttribute("stroke-dasharray", dash);
        }
    }

    private static void circle(XMLStreamWriter svg, double x, double y, String fill) throws XMLStreamException {
        svg.writeEmptyElement("circle");
        attributes(svg, "cx", x, "cy", y, "r", 3);
        svg.writeAttribute("fill", fill);
    }

    private static void text(XMLStreamWriter svg, double x, double y, String text, String size, String anchor) throws XMLStreamException {
        svg.writeStartElement("text");
        attributes(svg, "x", x, "y", y);
        svg.writeAttribute("font-size", size);
        svg.writeAttribute("text-anchor", anchor);
        svg.writeCharacters(text);
        svg.writeEndElement();
    }

    private static void attributes(XMLStreamWriter svg, Object... namesAndValues) throws XMLStreamException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            svg.writeAttribute((String) namesAndValues[i], String.format(Locale.ROOT, "%.1f", ((Number) namesAndValues[i + 1]).doubleValue()));
        }
    }
}
