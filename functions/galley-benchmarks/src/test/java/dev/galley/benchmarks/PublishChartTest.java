package dev.galley.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishChartTest {

    @TempDir
    Path folder;

    @Test
    void drawsOnlyTheLabelsAskedFor() throws Exception {
        Path out = folder.resolve("chart.svg");
        PublishChart.parse(new String[] {"--results", results().toString(), "--out", out.toString(), "--label", "after", "--label", "before"}).run();

        List<String> texts = texts(out);
        assertTrue(texts.contains("before") && texts.contains("after"), texts::toString);
        assertTrue(!texts.contains("between"), texts::toString);
        // one line per change and label in each of the three panels
        assertEquals(3 * 3 * 2, count(out, "polyline"));
    }

    @Test
    void drawsEveryLabelWhenNoneIsGiven() throws Exception {
        Path out = folder.resolve("chart.svg");
        PublishChart.parse(new String[] {"--results", results().toString(), "--out", out.toString()}).run();

        assertEquals(3 * 3 * 3, count(out, "polyline"));
    }

    @Test
    void aLabelNotInTheResultsIsRefusedByName() throws Exception {
        Path out = folder.resolve("chart.svg");
        PublishChart chart = PublishChart.parse(new String[] {"--results", results().toString(), "--out", out.toString(), "--label", "aftr"});

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, chart::run);
        assertTrue(refused.getMessage().contains("\"aftr\""), refused.getMessage());
        assertTrue(Files.notExists(out));
    }

    @Test
    void drawsTheMedianOfALabelsRunsAtOneSize() throws Exception {
        Path results = Files.write(folder.resolve("runs.jsonl"), List.of(
                line("once", 1000, 100), line("thrice", 1000, 10), line("thrice", 1000, 100), line("thrice", 1000, 1000)));
        Path out = folder.resolve("chart.svg");
        PublishChart.parse(new String[] {"--results", results.toString(), "--out", out.toString()}).run();

        NodeList circles = svg(out).getElementsByTagName("circle");
        Set<String> heights = new HashSet<>();
        for (int i = 0; i < circles.getLength(); i++) {
            Element circle = (Element) circles.item(i);
            if (Double.parseDouble(circle.getAttribute("cx")) < 400 && circle.getAttribute("fill").equals("#1b6ca8")) {  // wall time, new
                heights.add(circle.getAttribute("cy"));
            }
        }
        assertEquals(1, heights.size(), "the single run at 100 ms and the median of 10, 100 and 1,000 ms meet: " + heights);
    }

    @Test
    void aRunOfOneChangeDrawsThatChangeAlone() throws Exception {
        String edit = "{\"ms\":12,\"handlerCpuMs\":8,\"besidesOwnPage\":14000}";
        Path results = Files.write(folder.resolve("edits.jsonl"), List.of(
                "{\"label\":\"edits\",\"articles\":1000,\"edit\":" + edit + "}", "{\"label\":\"edits\",\"articles\":10000,\"edit\":" + edit + "}"));
        Path out = folder.resolve("chart.svg");
        PublishChart.parse(new String[] {"--results", results.toString(), "--out", out.toString()}).run();

        assertEquals(3, count(out, "polyline"), "one line, the edit's, in each panel");
        assertEquals(3 * 2, count(out, "circle"));
    }

    private static String line(String label, int articles, int ms) {
        String change = "{\"ms\":" + ms + ",\"handlerCpuMs\":20,\"besidesOwnPage\":80000}";
        return "{\"label\":\"" + label + "\",\"articles\":" + articles + ",\"new\":" + change + ",\"edit\":" + change + ",\"delete\":" + change + "}";
    }

    private Path results() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String label : List.of("before", "between", "after")) {
            for (int articles : new int[] {1000, 10000, 100000}) {
                lines.add(line(label, articles, 30));
            }
        }
        return Files.write(folder.resolve("results.jsonl"), lines);
    }

    private static Document svg(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(Path file) throws Exception {
        NodeList nodes = svg(file).getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static int count(Path file, String element) throws Exception {
        return svg(file).getElementsByTagName(element).getLength();
    }
}
