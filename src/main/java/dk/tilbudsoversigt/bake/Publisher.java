package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /** What happens between the two renames of {@link #publish}. */
    interface Step {
        void run() throws IOException;
    }

    /**
     * Swaps the finished build in: two renames, so the old site stays whole until the new one is
     * complete; when the second rename fails, the old site is moved back.
     */
    static void publish(Path built, Path output, Step between) throws IOException {
        Path old = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(output.toAbsolutePath().getParent(), "." + output.getFileName() + ".gammel-");
            Files.delete(old);
            move(output, old);
        }
        try {
            between.run();
            move(built, output);
        } catch (IOException | RuntimeException e) {
            if (old != null) move(old, output);
            throw e;
        }
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException ignored) {
                // the new site is in place; a leftover copy of the old one beside it is harmless
            }
        }
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
