package dk.tilbudsoversigt.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of a run, so that they can be reported together. Thread-safe. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public synchronized void error(String file, int line, String message) {
        list.add(Problem.error(file, line, message));
    }

    public synchronized void warning(String file, int line, String message) {
        list.add(Problem.warning(file, line, message));
    }

    public synchronized void addAll(Problems other) {
        list.addAll(other.all());
    }

    /** All problems, sorted by file and line so that reports are stable. */
    public synchronized List<Problem> all() {
        List<Problem> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    public synchronized List<Problem> errors() {
        return all().stream().filter(p -> !p.warning()).toList();
    }

    public synchronized List<Problem> warnings() {
        return all().stream().filter(Problem::warning).toList();
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(p -> !p.warning());
    }
}
