package com.acme.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three phases of the README, each by its properties, against the embedded servers. */
class MigrationAppTest {
    @AfterEach
    void clearTheSwitch() {
        System.clearProperty("switchboard.factory");
        System.clearProperty("switchboard.factory.s3");
    }

    private static String servedBy() throws Exception {
        return MigrationApp.run().lines()
                .map(line -> line.replaceAll("^(\\S+)\\s+served by the (\\S+) factory.*", "$1=$2"))
                .filter(line -> line.contains("="))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    @Test
    void phaseOneKeepsEveryServiceOnTheLegacyFactory() throws Exception {
        assertEquals("s3=legacy dynamodb=legacy", servedBy());
    }

    @Test
    void phaseTwoMovesS3Alone() throws Exception {
        System.setProperty("switchboard.factory.s3", "generated");
        assertEquals("s3=generated dynamodb=legacy", servedBy());
    }

    @Test
    void phaseThreeMovesEverything() throws Exception {
        System.setProperty("switchboard.factory", "generated");
        assertEquals("s3=generated dynamodb=generated", servedBy());
    }
}
