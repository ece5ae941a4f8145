package dev.galley.lambda;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColdStartWarmUpTest {

    @Test
    void aColdStartWithoutSnapStartWarmsUpAtInit() {
        assertTrue(PublishHandler.warmsUp(Map.of(PublishHandler.INITIALIZATION_TYPE, "on-demand")));
        assertTrue(PublishHandler.warmsUp(Map.of(PublishHandler.INITIALIZATION_TYPE, "provisioned-concurrency")));
        assertTrue(PublishHandler.warmsUp(Map.of()), "outside Lambda (the cold-start benchmark) as on demand");
    }

    @Test
    void aSnapStartInitLeavesTheWarmingToThePriming() {
        assertFalse(PublishHandler.warmsUp(Map.of(PublishHandler.INITIALIZATION_TYPE, "snap-start")),
                "a warm-up would still be running when the priming starts, and compete with it");
    }
}
