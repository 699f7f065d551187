package com.acme.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InventoryAppTest {

    @Test
    @DisplayName("the embedded run lists exactly what it seeded, sorted, with the totals")
    void embeddedRunListsTheSeededBucketsAndTables() throws Exception {
        String expected = String.join(
                System.lineSeparator(),
                "AWS inventory of the embedded S3Proxy and DynamoDB Local on 127.0.0.1"
                        + " (-Dinventory.aws=real lists your AWS account)",
                "service   name            count",
                "s3        acme-invoices       3 objects",
                "s3        acme-logs           5 objects",
                "s3        acme-reports        0 objects",
                "dynamodb  customers           4 items",
                "dynamodb  orders              6 items",
                "dynamodb  sessions            0 items",
                "3 bucket(s) holding 8 object(s), 3 table(s) holding 10 item(s)",
                "");

        InventoryApp.Report report = InventoryApp.run("embedded");

        assertEquals(expected, report.inventory());
        // The statistics count every call of the seeding and the listing; none failed.
        List<String> statistics = report.statistics().lines().toList();
        assertTrue(statistics.get(0).startsWith("service   kind  created"), report.statistics());
        assertTrue(statistics.get(1).matches("dynamodb +aws +compiled-in 1 .*"), report.statistics());
        assertTrue(statistics.get(2).matches("s3 +aws +compiled-in 1 .*"), report.statistics());
        assertEquals(3, statistics.size(), report.statistics());
    }

    @Test
    @DisplayName("an unknown mode is refused with the modes there are")
    void unknownModeNamesTheModes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> InventoryApp.run("prod"));

        assertTrue(
                refused.getMessage().startsWith("-Dinventory.aws=prod is not a mode; use embedded"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("or real"), refused.getMessage());
    }
}
