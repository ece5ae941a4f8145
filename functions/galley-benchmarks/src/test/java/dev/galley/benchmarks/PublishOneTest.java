package dev.galley.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishOneTest {

    @TempDir
    Path folder;

    @Test
    void onlyTimesTheChangeItNames() throws Exception {
        Path results = folder.resolve("results.jsonl");
        PublishOne.parse(new String[] {"--articles", "40", "--warmup", "1", "--samples", "3", "--seeding", "memory", "--only", "edit",
                "--results", results.toString(), "--label", "edits"}).run();

        JsonNode line = new ObjectMapper().readTree(Files.readString(results));
        List<String> fields = new ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("label", "articles", "edit"), fields);
        assertTrue(line.path("edit").path("requests").asInt() > 0, line::toString);
        assertTrue(line.path("edit").path("bytesByKind").path("written own page").asLong() > 0, line::toString);
    }

    @Test
    void anUnknownChangeIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PublishOne.parse(new String[] {"--only", "publish"}));
        assertTrue(refused.getMessage().contains("not publish"), refused.getMessage());
    }
}
