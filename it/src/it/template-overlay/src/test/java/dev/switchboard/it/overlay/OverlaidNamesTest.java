package dev.switchboard.it.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.overlay.ServiceClients;
import com.acme.overlay.ServiceNames;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the overlaid ServiceNames template added, and the bundled factory next to it. */
class OverlaidNamesTest {
    @Test
    void theOverlayAddedMembersRenderedFromTheModel() {
        assertTrue(ServiceNames.isSelected("s3"));
        assertTrue(ServiceNames.isSelected(ServiceNames.SQS));
        assertFalse(ServiceNames.isSelected("dynamodb"));
        assertEquals(List.of("s3:aws:s3", "sqs:aws:sqs"), ServiceNames.DESCRIBED);
        // What the overlay kept from the bundled template.
        assertEquals(List.of("s3", "sqs"), ServiceNames.ALL);
        assertEquals("messaging", ServiceNames.Groups.MESSAGING);
    }

    @Test
    void theFactoryFromTheBundledTemplateStillWorks() {
        // Building clients needs no network; nothing here calls a service.
        try (ServiceClients clients = ServiceClients.builder()
                .region(Region.US_EAST_1)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .endpointOverride("sqs", URI.create("http://127.0.0.1:9"))
                .build()) {
            assertEquals(List.of("s3", "sqs"), List.copyOf(clients.services()));
            S3Client s3 = clients.s3();
            assertSame(s3, clients.client(ServiceNames.S3));
            assertEquals(Region.US_EAST_1, s3.serviceClientConfiguration().region());
            SqsClient sqs = clients.client(ServiceNames.SQS, SqsClient.class);
            assertSame(sqs, clients.sqs());
            assertEquals(
                    URI.create("http://127.0.0.1:9"),
                    sqs.serviceClientConfiguration().endpointOverride().orElseThrow());
        }
    }
}
