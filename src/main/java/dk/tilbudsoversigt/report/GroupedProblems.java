package dk.tilbudsoversigt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.tilbudsoversigt.content.Problem;

/**
 * Problems as {@code check} shows them to editors: a heading line per file, then that file's
 * errors and warnings by line, and a blank line between files.
 */
public final class GroupedProblems {
    private GroupedProblems() {}

    public static String format(List<Problem> problems) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        for (Problem p : problems.stream().sorted().toList()) byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
            if (out.length() > 0) out.append('\n');
            out.append(e.getKey()).append('\n');
            for (Problem p : e.getValue()) {
                out.append("  linje ").append(Math.max(1, p.line())).append(": ")
                        .append(p.warning() ? "advarsel: " : "fejl: ").append(p.message()).append('\n');
            }
        }
        return out.toString();
    }

    /** "2 fejl og 3 advarsler i 4 filer", "3 advarsler i 2 filer", "1 fejl i 1 fil". */
    public static String count(List<Problem> problems) {
        long errors = problems.stream().filter(p -> !p.warning()).count();
        long warnings = problems.size() - errors;
        long files = problems.stream().map(Problem::file).distinct().count();
        List<String> parts = new ArrayList<>();
        if (errors > 0) parts.add(errors + " fejl");
        if (warnings > 0 || errors == 0) parts.add(warnings + (warnings == 1 ? " advarsel" : " advarsler"));
        return String.join(" og ", parts) + " i " + files + (files == 1 ? " fil" : " filer");
    }
}
