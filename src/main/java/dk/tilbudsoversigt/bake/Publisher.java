package dk.tilbudsoversigt.bake;

import dk.tilbudsoversigt.content.Folders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Builds go to a temporary folder beside the output; only a complete build replaces the output. */
final class Publisher {
    private Publisher() {}

    /**
     * A file in each temporary folder, locked while its build runs: the system releases the lock
     * when the process dies, however it dies, so a later build knows the folder is left over.
     */
    static final String LOCK = ".bygger";
    /** A temporary folder without its lock file this long unchanged is left over (a build only lacks it for a moment). */
    static final long ORPHAN_AGE_MS = 60_000;
    /** Builds under way in this JVM: their temporary folders and the lock each holds. */
    private static final Map<Path, FileChannel> UNDER_WAY = new ConcurrentHashMap<>();
    /** Old sites moved aside by a swap under way, with the output they belong back in. */
    private static final Map<Path, Path> MOVED_ASIDE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Publisher::stopped, "ryd-op-efter-bygning"));
    }

    static Path temporaryFolder(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + output.getFileName() + ".ny-");
        FileChannel lock = FileChannel.open(temp.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        lock.lock();
        UNDER_WAY.put(temp, lock);
        return temp;
    }

    /** A build that did not publish: its lock and its temporary folder go. */
    static void discard(Path temp) {
        unlock(temp);
        try {
            Folders.deleteTree(temp);
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless; a later build removes it (recover)
        }
    }

    /** Releases the lock of the build in {@code temp} and deletes its file, which is no page of the site. */
    private static void unlock(Path temp) {
        FileChannel lock = UNDER_WAY.remove(temp);
        if (lock == null) return;
        try {
            lock.close();
            Files.deleteIfExists(temp.resolve(LOCK));
        } catch (IOException ignored) {
            // the folder is deleted or published next; a lock file left in it is never served (hidden)
        }
    }

    /**
     * Puts back what a killed build left beside the output: when the output is missing and an
     * old site moved aside for a swap is there, that site returns to its place; other such
     * copies go, and so do temporary folders whose build no longer runs (their lock is free).
     */
    static void recover(Path output) throws IOException {
        Path out = output.toAbsolutePath().normalize();
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        removeAbandoned(parent, "." + out.getFileName() + ".ny-");
        String prefix = "." + out.getFileName() + ".gammel-";
        List<Path> aside;
        try (Stream<Path> siblings = Files.list(parent)) {
            aside = siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && !MOVED_ASIDE.containsKey(p)) // not one that a swap of this JVM has in hand
                    .sorted(Comparator.comparing(Publisher::modified).reversed().thenComparing(Comparator.reverseOrder()))
                    .toList();
        }
        int from = 0;
        if (!aside.isEmpty() && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            move(aside.get(0), out);
            from = 1;
        }
        for (Path leftover : aside.subList(from, aside.size())) Folders.deleteTree(leftover);
    }

    private static void removeAbandoned(Path parent, String prefix) throws IOException {
        List<Path> temporary;
        try (Stream<Path> siblings = Files.list(parent)) {
            temporary = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
        for (Path temp : temporary) {
            Path lockFile = temp.resolve(LOCK);
            if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                // without its lock a folder is either a moment old (made, or being swapped in) or left over
                if (Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS) && modified(temp).toMillis() < System.currentTimeMillis() - ORPHAN_AGE_MS) {
                    Folders.deleteTree(temp);
                }
                continue;
            }
            boolean abandoned;
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                abandoned = lock != null; // closing the channel releases it
            } catch (OverlappingFileLockException e) {
                abandoned = false; // a build of this JVM holds it
            } catch (IOException e) {
                abandoned = false;
            }
            if (abandoned) Folders.deleteTree(temp);
        }
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
        // the build's threads go on writing until the JVM halts: delete until the folder stays gone
        for (Path temp : UNDER_WAY.keySet()) {
            int absent = 0;
            for (int attempt = 0; attempt < 20 && absent < 2; attempt++) {
                try {
                    Folders.deleteTree(temp);
                } catch (IOException | RuntimeException ignored) {
                    // a file appeared or vanished while the tree was walked: try again
                }
                absent = Files.exists(temp, LinkOption.NOFOLLOW_LINKS) ? 0 : absent + 1;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
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
        unlock(built);
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
                Folders.deleteTree(old);
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

}
