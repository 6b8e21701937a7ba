package dk.tilbudsoversigt.bake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Builds go to a temporary folder beside the output; only a complete build replaces the output. */
final class Publisher {
    private Publisher() {}

    /** Builds under way in this JVM: their temporary folders, removed if the JVM is stopped (Ctrl+C) before they finish. */
    private static final Set<Path> UNDER_WAY = ConcurrentHashMap.newKeySet();
    /** Old sites moved aside by a swap under way, with the output they belong back in. */
    private static final Map<Path, Path> MOVED_ASIDE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Publisher::stopped, "ryd-op-efter-bygning"));
    }

    static Path temporaryFolder(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + output.getFileName() + ".ny-");
        UNDER_WAY.add(temp);
        return temp;
    }

    /** The build in {@code temp} has ended, published or not. */
    static void finished(Path temp) {
        UNDER_WAY.remove(temp);
    }

    /**
     * Puts back what a build that was killed during its swap left: when the output is missing
     * and an old site moved aside for the swap is beside it, that site returns to its place;
     * when the output is there, such copies are left over from after the swap and go.
     */
    static void recover(Path output) throws IOException {
        Path out = output.toAbsolutePath().normalize();
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String prefix = "." + out.getFileName() + ".gammel-";
        List<Path> aside;
        try (Stream<Path> siblings = Files.list(parent)) {
            aside = siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(Publisher::modified).reversed().thenComparing(Comparator.reverseOrder()))
                    .toList();
        }
        int from = 0;
        if (!aside.isEmpty() && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            move(aside.get(0), out);
            from = 1;
        }
        for (Path leftover : aside.subList(from, aside.size())) deleteTree(leftover);
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** On the JVM's way out: put back an old site caught mid-swap, remove unfinished builds. */
    private static void stopped() {
        MOVED_ASIDE.forEach((old, output) -> {
            try {
                if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) move(old, output);
            } catch (IOException ignored) {
                // the next build puts it back (recover)
            }
        });
        for (Path temp : UNDER_WAY) {
            try {
                deleteTree(temp);
            } catch (IOException | RuntimeException ignored) {
                // a thread may still be writing into it; what is left is only a temporary folder
            }
        }
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
            MOVED_ASIDE.put(old, output);
            move(output, old);
        }
        try {
            between.run();
            move(built, output);
        } catch (IOException | RuntimeException e) {
            if (old != null) move(old, output);
            throw e;
        } finally {
            if (old != null) MOVED_ASIDE.remove(old);
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
