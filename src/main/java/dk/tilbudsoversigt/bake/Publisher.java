package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Builds go to a temporary folder beside the output; only a complete build replaces the output. */
final class Publisher {
    private Publisher() {}

    static Path temporaryFolder(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + output.getFileName() + ".ny-");
    }

    /** Swaps the finished build in: two renames, so the old site stays whole until the new one is complete. */
    static void publish(Path built, Path output) throws IOException {
        Path old = null;
        if (Files.exists(output)) {
            old = Files.createTempDirectory(output.toAbsolutePath().getParent(), "." + output.getFileName() + ".gammel-");
            Files.delete(old);
            move(output, old);
        }
        move(built, output);
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
