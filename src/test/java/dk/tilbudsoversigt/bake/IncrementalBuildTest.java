package dk.tilbudsoversigt.bake;

import dk.tilbudsoversigt.content.Folders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.Problem;

/**
 * The preview's incremental rebuild against the real build: after every edit of a random series
 * (text, titles, drafts, glossary terms, anchors, deleted and new pages and folders, attachments,
 * broken front matter, settings and templates), the incremental output is byte for byte the
 * output of a full build of the same folder, and the problems are the same.
 */
class IncrementalBuildTest {

    /** One edit of the fixture site; returns the paths a file watcher would report. */
    private interface Edit {
        List<String> apply(Path site) throws IOException;
    }

    private static final List<Edit> EDITS = List.of(
            // 0 an offer's body, with a glossary word
            site -> toggle(site, "content/tilbud/fritidsklub.md", "Kom og vær med.", "Kom og vær med. Der er ingen visitation."),
            // 1 an offer's title: listings, facet pages and the "Se også" link on another offer
            site -> toggle(site, "content/tilbud/fritidsklub.md", "title: Fritidsklub", "title: Ungdomsklubben"),
            // 2 an offer becomes a draft and back
            site -> toggle(site, "content/tilbud/fritidsklub.md", "review_by: 2020-01-01", "review_by: 2020-01-01\nstatus: draft"),
            // 3 a glossary term renamed: links in other bodies
            site -> toggle(site, "content/begreber/visitation.md", "title: Visitation", "title: Bevilling"),
            // 4 a synonym that many bodies contain
            site -> toggle(site, "content/begreber/visitation.md", "synonyms: [visitere]", "synonyms: [visitere, kommunen]"),
            // 5 a heading that another page links to by anchor
            site -> toggle(site, "content/faq/hjaelp.md", "## Hvordan får jeg hjælp?", "## Hvordan søger jeg hjælp?"),
            // 6 a linked offer deleted and restored
            site -> exists(site, "content/tilbud/fritidsklub.md", original("content/tilbud/fritidsklub.md")),
            // 7 a new offer
            site -> exists(site, "content/tilbud/svoemning.md", """
                    ---
                    title: Svømning for alle
                    summary: Svømning i varmtvandsbassin.
                    updated: 2025-02-01
                    target_groups: [autisme]
                    age: {min: 6, max: 64}
                    referral_required: false
                    areas: [fritid, sundhed]
                    contact: {unit: Fritid, url: "https://www.example.dk/svoem"}
                    ---
                    Læs også om [aflastning](boern/aflastning.md#saadan-soeger-du).
                    """.replace("sundhed", "social")),
            // 8 a new target group and an offer in it (two files at once)
            site -> {
                List<String> changed = new ArrayList<>(exists(site, "content/maalgrupper/unge.md",
                        "---\ntitle: Unge\nsummary: Unge mellem 13 og 25 år.\n---\nUnge har egne behov.\n"));
                changed.addAll(toggle(site, "content/tilbud/fritidsklub.md", "target_groups: [autisme]", "target_groups: [autisme, unge]"));
                return changed;
            },
            // 9 broken front matter and the fix
            site -> toggle(site, "content/tilbud/fritidsklub.md", "referral_required: false", "referral_required: maaske"),
            // 10 an image that a page shows, deleted and restored
            site -> {
                Path image = site.resolve("content/tilbud/boern/kort.png");
                if (Files.exists(image)) Files.delete(image);
                else Files.copy(Trees.fixture("fixture-site").resolve("content/tilbud/boern/kort.png"), image);
                return List.of("content/tilbud/boern/kort.png");
            },
            // 11 the front page's text
            site -> toggle(site, "content/sider/forside.md", "Her finder du **hjælp**.", "Her finder du **hjælp** og [om sitet](om.md)."),
            // 12 a news item: news list, feed, front page
            site -> exists(site, "content/nyheder/ny-klub.md", "---\ntitle: Ny klub\nsummary: En ny klub åbner.\ndate: 2025-06-01\n---\nKlubben åbner.\n"),
            // 13 facets: age and area
            site -> {
                toggle(site, "content/tilbud/fritidsklub.md", "age: {min: 13}", "age: {min: 6, max: 30}");
                return toggle(site, "content/tilbud/fritidsklub.md", "areas: [fritid]", "areas: [fritid, skole]");
            },
            // 14 a new folder with a page, and the folder deleted again (reported as the folder only)
            site -> {
                Path folder = site.resolve("content/tilbud/voksne");
                if (Files.exists(folder)) {
                    Folders.deleteTree(folder);
                } else {
                    Files.createDirectories(folder);
                    Files.writeString(folder.resolve("bostoette.md"), "---\ntitle: Bostøtte\nsummary: Hjælp i eget hjem.\n"
                            + "updated: 2025-01-01\ntarget_groups: [autisme]\nage: {min: 18}\nreferral_required: true\n"
                            + "contact: {unit: Voksne, url: \"https://www.example.dk/bo\"}\n---\nStøtte til visitation og hverdag.\n");
                }
                return List.of("content/tilbud/voksne");
            },
            // 15 "Se også" links
            site -> toggle(site, "content/tilbud/fritidsklub.md", "review_by: 2020-01-01", "review_by: 2020-01-01\nrelated: [tilbud/aflastning, sider/om]"),
            // 16 a target group's title: offer pages and every listing of it
            site -> toggle(site, "content/maalgrupper/autisme.md", "title: Autisme", "title: Autisme og ASF"),
            // 17 a draft target group published
            site -> toggle(site, "content/maalgrupper/kladdegruppe.md", "status: draft", "status: published"),
            // 18 the only action plan deleted: its overview goes too
            site -> exists(site, "content/handleplaner/status.md", original("content/handleplaner/status.md")),
            // 19 a heading added to a plan
            site -> toggle(site, "content/planer/plan.md", "## Flere tilbud", "## Flere tilbud\n\nTekst.\n\n## Nyt afsnit"),
            // 20 site.properties: a full build
            site -> toggle(site, "site.properties", "site.owner=Testkommune", "site.owner=Anden Kommune"),
            // 21 a template of the site's own: a full build
            site -> exists(site, "templates/robots.ftl", "User-agent: *\nDisallow: /kladder/\n"),
            // 22 a page with an unreadable name
            site -> exists(site, "content/tilbud/Forkert Navn.md", original("content/tilbud/fritidsklub.md").replace("Fritidsklub", "Anden klub")),
            // 23 an image of the site's own assets (a full build) ...
            site -> copyOrDelete(site, "assets/tilbud/logo.png"),
            // 24 ... and an image in content/ at the same place: a clash while both are there
            site -> copyOrDelete(site, "content/tilbud/logo.png"),
            // 25 a new document that no page links to yet
            site -> copyOrDelete(site, "content/tilbud/boern/folder.pdf"));

    /** Copies the fixture's image to {@code file} when it is missing, deletes it when it is there. */
    private static List<String> copyOrDelete(Path site, String file) throws IOException {
        Path path = site.resolve(file);
        if (Files.exists(path)) {
            Files.delete(path);
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(Trees.fixture("fixture-site").resolve("content/tilbud/boern/kort.png"), path);
        }
        return List.of(file);
    }

    @Test
    void everyEditAndItsUndoGiveWhatAFullBuildGives() throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < EDITS.size(); i++) all.add(i);
        }
        run(all, true);
    }

    @Test
    void attachmentsComeAndGoWithoutAFullBuild() throws Exception {
        onFixture(false, (build, site, temp) -> {
            build.full(paths -> { });
            Path image = site.resolve("content/tilbud/boern/kort.png");
            byte[] bytes = Files.readAllBytes(image);
            Files.delete(image);
            IncrementalBuild.Step deleted = build.update(List.of(image), paths -> { });
            assertTrue(deleted.errors().stream().anyMatch(p -> p.file().equals("content/tilbud/boern/aflastning.md")),
                    "the page that shows the image names it missing: " + deleted.problems());

            Files.write(image, bytes);
            IncrementalBuild.Step added = build.update(List.of(image), paths -> { });
            assertFalse(added.full(), "an image added is no reason to build the whole site");
            assertEquals(List.of(), added.problems(), "the page that shows it is fixed");
            assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(temp.resolve("preview/tilbud/boern/kort.png"))));
            compare(build, site, temp, false, "the image came back");

            Path document = site.resolve("content/tilbud/boern/folder.pdf");
            Files.write(document, bytes);
            assertFalse(build.update(List.of(document), paths -> { }).full());
            assertTrue(Files.exists(temp.resolve("preview/tilbud/boern/folder.pdf")));
            Files.delete(document);
            assertFalse(build.update(List.of(document), paths -> { }).full(), "nor is a document deleted");
            assertFalse(Files.exists(temp.resolve("preview/tilbud/boern/folder.pdf")), "its copy goes");
            compare(build, site, temp, false, "the document came and went");
        });
    }

    @Test
    void aRehearsalChangesNothingAndReloadsNothingAndTheNextSaveStillWorks() throws Exception {
        onFixture(false, (build, site, temp) -> {
            build.full(paths -> { });
            build.awaitSearchIndex();
            Map<String, String> before = Trees.fingerprint(temp.resolve("preview"));
            build.rehearse();
            build.awaitSearchIndex();
            assertEquals(before, Trees.fingerprint(temp.resolve("preview")), "the preview's files are as they were");
            List<Set<String>> reloaded = new ArrayList<>();
            build.update(EDITS.get(1).apply(site).stream().map(site::resolve).toList(), reloaded::add);
            assertFalse(reloaded.isEmpty(), "a save after the rehearsal reloads its pages");
            compare(build, site, temp, false, "a rehearsal and a save");
        });
    }

    @Test
    void aClashThenAContentErrorReportsWhatABuildReports() throws Exception {
        // a build stops at the content error, before it copies files and could find the clash
        run(List.of(23, 24, 9, 9, 24, 23), false);
    }

    @Property(tries = 4)
    void randomEditsGiveWhatAFullBuildGives(@ForAll @Size(min = 3, max = 8) List<@IntRange(min = 0, max = 25) Integer> edits,
                                            @ForAll boolean drafts) throws Exception {
        run(edits, drafts);
    }

    /**
     * Saves straight after each other: the search index of one is still waiting or being written
     * (and gives way) when the next rebuild comes; the index in the end is the last save's.
     */
    @Test
    void theSearchIndexHoldsTheLastOfSavesThatCameWhileItWasWritten() throws Exception {
        onFixture(false, (build, site, temp) -> {
            build.full(paths -> { });
            for (int edit : List.of(0, 1, 3, 4, 5, 0, 3)) { // text, titles, a glossary term and its synonyms, a heading
                build.update(EDITS.get(edit).apply(site).stream().map(site::resolve).toList(), paths -> { });
            }
            compare(build, site, temp, false, "saves one straight after the other");
        });
    }

    /**
     * Saves that come while the rest of a rebuild is written: the saved page is written at once,
     * the listings are left to the next rebuild, and in the end nothing is missing.
     */
    @Test
    void newerSavesLeaveTheListingsForLaterAndNothingIsLost() throws Exception {
        onFixture(false, (build, site, temp) -> {
            build.full(paths -> { });
            Path page = temp.resolve("preview/tilbud/fritidsklub/index.html");
            Path overview = temp.resolve("preview/tilbud/index.html");
            IncrementalBuild.Step first = build.update(EDITS.get(1).apply(site).stream().map(site::resolve).toList(), paths -> { }, () -> true);
            assertTrue(Files.readString(page).contains("Ungdomsklubben"), "the saved page is written at once");
            assertTrue(first.pageNanos() >= 0 && first.pageNanos() <= first.nanos(), "the time to the saved page is told: " + first);
            assertFalse(Files.readString(overview).contains("Ungdomsklubben"), "the overview waits for the newer save");
            for (int edit : List.of(0, 3, 7, 3)) { // a body, a glossary term renamed and back, a new offer
                IncrementalBuild.Step step = build.update(EDITS.get(edit).apply(site).stream().map(site::resolve).toList(), paths -> { }, () -> true);
                assertEquals(List.of(), step.errors());
            }
            assertFalse(Files.readString(overview).contains("Ungdomsklubben"), "no rebuild has written the rest yet");
            IncrementalBuild.Step rest = build.update(List.of(), paths -> { }, () -> false); // nothing new saved: the rest is written now
            assertTrue(Files.readString(overview).contains("Ungdomsklubben"));
            assertEquals(-1, rest.pageNanos(), "no saved page, no time to it: " + rest);
            compare(build, site, temp, false, "saves that each left the rest for the next");
        });
    }

    private static void run(List<Integer> edits, boolean drafts) throws Exception {
        onFixture(drafts, (build, site, temp) -> {
            IncrementalBuild.Step first = build.full(paths -> { });
            assertTrue(first.errors().isEmpty(), first.problems()::toString);
            compare(build, site, temp, drafts, "the first build");
            List<Integer> done = new ArrayList<>();
            for (int edit : edits) {
                done.add(edit);
                List<Path> changed = EDITS.get(edit).apply(site).stream().map(site::resolve).toList();
                build.update(changed, paths -> { });
                compare(build, site, temp, drafts, "edits " + done);
            }
        });
    }

    private static void compare(IncrementalBuild build, Path site, Path temp, boolean drafts, String after) throws Exception {
        Path fresh = temp.resolve("full");
        SiteBuilder.Result full = SiteBuilder.build(site, fresh, drafts);
        assertEquals(strings(full.problems().all()), strings(build.problems()), "problems after " + after);
        if (full.ok()) {
            build.awaitSearchIndex();
            Map<String, String> expected = Trees.fingerprint(fresh);
            Map<String, String> actual = Trees.fingerprint(temp.resolve("preview"));
            Set<String> differing = new TreeSet<>(expected.keySet());
            differing.addAll(actual.keySet());
            differing.removeIf(f -> expected.get(f) != null && expected.get(f).equals(actual.get(f)));
            assertEquals(Set.of(), differing, "files that differ from a full build after " + after);
        }
        Folders.deleteTree(fresh);
    }

    private static List<String> strings(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    /** Replaces {@code a} by {@code b} in the file, or {@code b} by {@code a} when {@code a} is not there. */
    private static List<String> toggle(Path site, String file, String a, String b) throws IOException {
        Path path = site.resolve(file);
        if (!Files.exists(path)) return List.of(); // deleted by an earlier edit
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (text.contains(b)) {
            text = text.replace(b, a);
        } else if (text.contains(a)) {
            text = text.replace(a, b);
        } else {
            return List.of(); // an earlier edit changed this part
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return List.of(file);
    }

    /** Writes the file when it is missing, deletes it when it is there. */
    private static List<String> exists(Path site, String file, String text) throws IOException {
        Path path = site.resolve(file);
        if (Files.exists(path)) {
            Files.delete(path);
        } else {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        }
        return List.of(file);
    }

    private static String original(String file) {
        try {
            return Files.readString(Trees.fixture("fixture-site").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A test's work on an incremental build of a fresh copy of the fixture site (in {@code temp}/site, built into {@code temp}/preview). */
    private interface OnFixture {
        void run(IncrementalBuild build, Path site, Path temp) throws Exception;
    }

    private static void onFixture(boolean drafts, OnFixture test) throws Exception {
        Path temp = Files.createTempDirectory("inkrementel");
        try (IncrementalBuild build = new IncrementalBuild(Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site")),
                temp.resolve("preview"), drafts)) {
            test.run(build, temp.resolve("site"), temp);
        } finally {
            Folders.deleteTree(temp);
        }
    }
}
