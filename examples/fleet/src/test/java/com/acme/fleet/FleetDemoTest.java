package com.acme.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FleetDemoTest {
    @Test
    @DisplayName("Both instances follow the publishes and the rollback, and the fleet lists them")
    void demo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            FleetDemo.run(Path.of("target/switchboard/registry.json"), out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertTrue(printed.contains("shop-a switched: added [payments]"), printed);
        assertTrue(printed.contains("shop-b switched: added [payments]"), printed);
        assertTrue(printed.contains("2: shop-a, shop-b"), printed);
        assertTrue(printed.contains("back from version 2 to version 1"), printed);
    }
}
