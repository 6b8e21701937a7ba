package dk.tilbudsoversigt.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in for the tool's child JVM in {@link OwnJvmTest}: when stopped, it takes a moment to close, then leaves a file behind. */
public final class SlowToClose {
    private SlowToClose() {}

    public static void main(String[] args) throws Exception {
        Path closed = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(500);
                Files.writeString(closed, "lukket");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        System.out.println("klar");
        System.out.flush();
        Thread.currentThread().join();
    }
}
