package dev.switchboard.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuietGrpcLogTest {
    @Test
    @DisplayName("gRPC's logging is off while any is open, and its level comes back when the last one closes")
    void offWhileOpen() {
        Logger grpc = Logger.getLogger("io.grpc");
        Level level = grpc.getLevel();
        grpc.setLevel(Level.INFO);
        try {
            QuietGrpcLog first = QuietGrpcLog.open();
            QuietGrpcLog second = QuietGrpcLog.open();
            assertThat(grpc.getLevel()).isEqualTo(Level.OFF);

            first.close();
            first.close();
            assertThat(grpc.getLevel()).as("while the second is open").isEqualTo(Level.OFF);

            second.close();
            assertThat(grpc.getLevel()).isEqualTo(Level.INFO);
        } finally {
            grpc.setLevel(level);
        }
    }
}
