package dk.tilbudsoversigt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The preview's watcher: a rebuild that throws does not end the watching. */
class FileWatcherTest {
    @TempDir
    Path site;

    @ParameterizedTest(name = "notifications: {0}")
    @ValueSource(booleans = {true, false})
    void aFailedRebuildDoesNotStopTheWatching(boolean notifications) throws Exception {
        Path page = Files.createDirectories(site.resolve("content/tilbud")).resolve("side.md");
        Files.writeString(page, "først");
        LinkedBlockingQueue<Set<Path>> seen = new LinkedBlockingQueue<>();
        // counted apart from the queue: the test takes batches out of the queue while the watcher adds them
        AtomicInteger calls = new AtomicInteger();
        try (FileWatcher watcher = new FileWatcher(site, notifications, batch -> {
            seen.add(batch);
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("the first rebuild fails");
        })) {
            Files.writeString(page, "anden gang, længere");
            assertTrue(seen.poll(60, TimeUnit.SECONDS).contains(page.toAbsolutePath().normalize()), "the first save is seen");
            // the failure is counted after the callback threw: wait for it (long, for a loaded CI machine)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (watcher.failures() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(1, watcher.failures());
            Files.writeString(page, "tredje gang, endnu længere");
            Set<Path> next = seen.poll(60, TimeUnit.SECONDS);
            assertTrue(next != null && next.contains(page.toAbsolutePath().normalize()), "the next save is seen too: " + next);
        }
    }
}
