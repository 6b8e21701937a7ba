package dk.tilbudsoversigt.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dk.tilbudsoversigt.content.SettingsReader;

/**
 * Watches what a build reads (content/ with every sub-folder, templates/, assets/ and
 * site.properties) and reports the changed paths in batches: an editor's save is often several
 * events (truncate, write, rename), so a batch closes after a short quiet spell. Uses the
 * operating system's notifications where Java has them (Linux, Windows) and otherwise, or when
 * they cannot be had, compares the files' sizes and times a few times a second.
 *
 * <p>Batches are handed on from a thread of their own, so that watching goes on while a batch is
 * being handled: whatever changed meanwhile waits as one batch, and the handler can ask
 * ({@link #waiting()}) whether newer changes wait, to leave work that they would redo.
 */
final class FileWatcher implements AutoCloseable {
    static final List<String> WATCHED = List.of("content", "templates", "assets", SettingsReader.FILE);
    private static final long QUIET_MS = 20;
    private static final long MAX_BATCH_MS = 400;
    private static final long MIN_POLL_MS = 250;

    private final Path site;
    private final Consumer<Set<Path>> handler;
    private final Thread thread;
    private final Thread handling;
    /** Changed paths seen and not yet handed on. */
    private final Set<Path> waiting = new TreeSet<>();
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private volatile boolean running = true;
    private volatile int failures;

    /**
     * Starts watching {@code site}; {@code handler} gets each batch of changed paths, on the
     * watcher's own thread. With {@code notifications} false it always compares files itself.
     */
    FileWatcher(Path site, boolean notifications, Consumer<Set<Path>> handler) {
        this.site = site.toAbsolutePath().normalize();
        this.handler = handler;
        this.service = notifications ? nativeService() : null;
        if (service != null) {
            try {
                register(this.site, false);
                for (String part : WATCHED) {
                    if (Files.isDirectory(this.site.resolve(part))) register(this.site.resolve(part), true);
                }
            } catch (IOException | RuntimeException e) {
                // e.g. the system's limit on watched folders: compare files instead
                close(service);
                folders.clear();
            }
        }
        Map<Path, String> first = isNative() ? Map.of() : snapshot(); // before returning: a change right after counts
        thread = new Thread(() -> run(first), "preview-watcher");
        thread.setDaemon(true);
        handling = new Thread(this::handOn, "preview-rebuild");
        handling.setDaemon(true);
        handling.start();
        thread.start();
    }

    /** Whether changes wait to be handed on: the batch being handled is already old. */
    boolean waiting() {
        synchronized (waiting) {
            return !waiting.isEmpty();
        }
    }

    /** True when the operating system tells about changes; false when the watcher compares files itself. */
    boolean isNative() {
        return service != null && !folders.isEmpty();
    }

    private static WatchService nativeService() {
        try {
            WatchService s = FileSystems.getDefault().newWatchService();
            // Java's fallback service polls, every few seconds: slower than our own comparison
            if (s.getClass().getName().contains("Polling")) {
                s.close();
                return null;
            }
            return s;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private void register(Path folder, boolean recursive) throws IOException {
        if (!recursive) {
            folders.put(folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY), folder);
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) register(dir, false);
        }
    }

    private void run(Map<Path, String> first) {
        if (isNative()) watchNative();
        else poll(first);
    }

    private void watchNative() {
        while (running) {
            try {
                WatchKey key = service.take();
                Set<Path> batch = new TreeSet<>();
                long deadline = System.currentTimeMillis() + MAX_BATCH_MS;
                while (key != null) {
                    drain(key, batch);
                    long left = Math.min(QUIET_MS, deadline - System.currentTimeMillis());
                    key = left > 0 ? service.poll(left, TimeUnit.MILLISECONDS) : null;
                }
                if (!batch.isEmpty()) handle(batch);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    /** Adds a batch to what waits to be handed on. */
    private void handle(Set<Path> batch) {
        synchronized (waiting) {
            waiting.addAll(batch);
            waiting.notifyAll();
        }
    }

    /** Hands on, one at a time, all that waits; a rebuild that fails must not stop the watching (nor print a stack trace). */
    private void handOn() {
        while (running) {
            Set<Path> batch;
            synchronized (waiting) {
                while (waiting.isEmpty()) {
                    try {
                        waiting.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = new TreeSet<>(waiting);
                waiting.clear();
            }
            try {
                handler.accept(batch);
            } catch (RuntimeException e) {
                failures++;
            }
        }
    }

    /** Batches whose handler failed; the next change is handled as usual. */
    int failures() {
        return failures;
    }

    private void drain(WatchKey key, Set<Path> batch) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                batch.add(site); // events were lost: the build starts over
                continue;
            }
            if (folder == null) continue;
            Path path = folder.resolve((Path) event.context());
            if (!watched(path)) continue;
            batch.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    register(path, true);
                } catch (IOException e) {
                    batch.add(site);
                }
            }
        }
        if (!key.reset()) folders.remove(key);
    }

    /** Whether a change to {@code path} can change the build: hidden files (editors' swap files) cannot. */
    private boolean watched(Path path) {
        if (!path.startsWith(site) || path.equals(site)) return false;
        Path rel = site.relativize(path);
        return WATCHED.contains(rel.getName(0).toString()) && !path.getFileName().toString().startsWith(".");
    }

    /** Without notifications: compares every watched file's size and time with the previous look. */
    private void poll(Map<Path, String> first) {
        Map<Path, String> before = first;
        long interval = MIN_POLL_MS;
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            long start = System.nanoTime();
            Map<Path, String> now = snapshot();
            Set<Path> changed = new TreeSet<>();
            for (Map.Entry<Path, String> e : now.entrySet()) {
                if (!e.getValue().equals(before.get(e.getKey()))) changed.add(e.getKey());
            }
            for (Path p : before.keySet()) {
                if (!now.containsKey(p)) changed.add(p);
            }
            before = now;
            // a look at a large site takes a while: spend at most a quarter of the time looking
            interval = Math.max(MIN_POLL_MS, 3 * (System.nanoTime() - start) / 1_000_000);
            if (!changed.isEmpty()) handle(changed);
        }
    }

    private Map<Path, String> snapshot() {
        Map<Path, String> out = new HashMap<>();
        for (String part : WATCHED) {
            Path root = site.resolve(part);
            if (!Files.exists(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.toList()) {
                    if (!watched(p)) continue;
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        out.put(p, a.isDirectory() ? "dir" : a.size() + ":" + a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        // gone while we looked: the next look sees it as deleted
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a folder vanished while we looked; the next look sees what is left
            }
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        if (service != null) close(service);
        thread.interrupt();
        handling.interrupt();
    }

    private static void close(WatchService s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
