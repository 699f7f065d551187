package com.acme.platform.server;

/**
 * Runs the platform until stopped: {@code PlatformServer <port> [<seconds>]}. With seconds it also
 * stops by itself after that long, so a build that starts it in the background never leaves it behind.
 */
public final class PlatformServer {
    private PlatformServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PlatformServer <port> [<seconds to run>]  (port 0 takes a free one)");
            System.exit(2);
        }
        long seconds = args.length == 2 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        Platform platform = Platform.start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                platform.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("platform: serving " + String.join(", ", Platform.SERVICES)
                + " and grpc.health.v1.Health at " + platform.target());
        if (!platform.awaitTermination(seconds)) {
            System.out.println("platform: stopping after " + seconds + " s");
        }
        System.exit(0);
    }
}
