package dk.tilbudsoversigt.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dk.tilbudsoversigt.SiteLinks;
import dk.tilbudsoversigt.BuiltFixture;
import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.content.PageReader;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.content.Problem;
import dk.tilbudsoversigt.content.Problems;
import dk.tilbudsoversigt.content.SettingsReader;

/**
 * A build that fails at any point (the content, a template, a write, the swap itself) leaves
 * the site built before it byte for byte as it was, and nothing beside it. Files that vanish
 * while a build runs are named, never a crash. The points are reached through
 * {@link SiteBuilder.Probe}, so nothing here depends on timing.
 */
class AtomicOutputTest {
    @TempDir
    Path temp;
    Path site;
    Path out;
    Map<String, String> before;

    /** Each test starts from the fixture and the site built from it, as a webmaster's folder would hold them. */
    @BeforeEach
    void copyTheSiteAndItsBuild() throws Exception {
        BuiltFixture fixture = BuiltFixture.copyInto(temp);
        site = fixture.site();
        out = fixture.out();
        before = Trees.fingerprint(out);
    }

    private void assertEarlierSiteUntouched() throws Exception {
        assertEquals(before, Trees.fingerprint(out), "the earlier site is byte for byte as it was");
        try (Stream<Path> beside = Files.list(temp)) {
            assertEquals(List.of(), beside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".ud")).toList(),
                    "no temporary or old folder left beside the output");
        }
    }

    @ParameterizedTest
    @EnumSource(SiteBuilder.Stage.class)
    void aWriteThatFailsAtAnyStageLeavesTheEarlierSite(SiteBuilder.Stage failing) throws Exception {
        SiteBuilder.Result result = SiteBuilder.build(site, out, false, stage -> {
            if (stage == failing) throw new IOException("disken er fuld");
        });
        assertFalse(result.ok());
        assertEquals(List.of(out + ":1: sitet kunne ikke skrives: disken er fuld"),
                result.problems().errors().stream().map(Problem::toString).toList());
        assertEarlierSiteUntouched();
    }

    @Test
    void aContentErrorOrATemplateErrorLeavesTheEarlierSite() throws Exception {
        Files.writeString(site.resolve("content/tilbud/fritidsklub.md"), "---\ntitle: Uden resten\n---\n");
        assertFalse(SiteBuilder.build(site, out, false).ok());
        assertEarlierSiteUntouched();

        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site2"));
        Files.createDirectories(site.resolve("templates"));
        Files.writeString(site.resolve("templates/tilbud.ftlh"), "<p>${findesIkke}</p>");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false);
        assertTrue(result.problems().errors().get(0).toString().startsWith("templates/tilbud.ftlh:1: "), result.problems().all().toString());
        assertEarlierSiteUntouched();
    }

    @Test
    void anImageDeletedWhileTheSiteIsBuiltIsNamedAndTheEarlierSiteKept() throws Exception {
        SiteBuilder.Result result = SiteBuilder.build(site, out, false, stage -> {
            if (stage == SiteBuilder.Stage.CHECKED) Files.delete(site.resolve("content/tilbud/boern/kort.png"));
        });
        assertEquals(List.of("content/tilbud/boern/kort.png:1: filen forsvandt, mens sitet blev bygget; byg sitet igen"),
                result.problems().errors().stream().map(Problem::toString).toList());
        assertEarlierSiteUntouched();
    }

    @Test
    void aPageDeletedAfterItWasReadIsBuiltAsItWasRead() throws Exception {
        Path page = site.resolve("content/tilbud/fritidsklub.md");
        SiteBuilder.Result result = SiteBuilder.build(site, out, false, stage -> {
            if (stage == SiteBuilder.Stage.CHECKED) Files.delete(page);
        });
        assertTrue(result.ok(), result.problems().all().toString());
        assertFalse(Files.exists(page));
        assertEquals("Fritidsklub", Jsoup.parse(out.resolve("tilbud/fritidsklub/index.html").toFile(), "UTF-8").selectFirst("h1").text());
        assertEquals(List.of(), SiteLinks.broken(out, "/sti/handicap"), "a whole site: every link resolves");
    }

    @Test
    void aPageDeletedBetweenListingAndReadingIsNamed() {
        Problems problems = new Problems();
        var settings = SettingsReader.read(site, problems);
        Path listed = site.resolve("content/sider/forsvundet.md");
        assertEquals(null, new PageReader(settings).read(listed, "content/sider/forsvundet.md", PageType.SIDE, "forsvundet", problems));
        assertEquals(List.of("content/sider/forsvundet.md:1: filen forsvandt, mens sitet blev bygget; byg sitet igen"),
                problems.all().stream().map(Problem::toString).toList());
    }
    @Test
    void anOldSiteLeftAsideByABuildKilledMidSwapIsPutBackEvenWhenTheNextBuildFails() throws Exception {
        // a build killed between its two renames: the old site moved aside, nothing in its place yet
        Files.move(out, temp.resolve(".ud.gammel-123"));
        Files.writeString(site.resolve("content/tilbud/fritidsklub.md"), "---\ntitle: Uden resten\n---\n");
        assertFalse(SiteBuilder.build(site, out, false).ok());
        assertEarlierSiteUntouched();
    }

    @Test
    void oldCopiesLeftBesideAFinishedSwapAreRemovedByTheNextBuild() throws Exception {
        Trees.copy(out, temp.resolve(".ud.gammel-456"));
        assertTrue(SiteBuilder.build(site, out, false).ok());
        assertEarlierSiteUntouched();
    }

    @Test
    void aBuildStoppedWithCtrlCLeavesTheEarlierSiteAndNoTemporaryFolder() throws Exception {
        stopABuildWhileItRenders(false);
        assertEarlierSiteUntouched();
    }

    @Test
    void theFolderOfABuildKilledOutrightIsRemovedByTheNextBuild() throws Exception {
        stopABuildWhileItRenders(true);
        try (Stream<Path> beside = Files.list(temp)) {
            assertTrue(beside.anyMatch(p -> p.getFileName().toString().startsWith(".ud.ny-")), "kill -9 leaves the folder behind");
        }
        assertTrue(SiteBuilder.build(site, out, false).ok());
        assertEarlierSiteUntouched();
    }

    /** Builds a large site in a JVM of its own and stops it (SIGTERM, or SIGKILL) once it writes pages into its temporary folder. */
    private void stopABuildWhileItRenders(boolean forcibly) throws Exception {
        Path large = temp.resolve("stor");
        dk.tilbudsoversigt.benchmark.SyntheticSite.write(large, 1500);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), "dk.tilbudsoversigt.cli.Main",
                "build", "--source", large.toString(), "--output", out.toString());
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean rendering = false;
        for (int i = 0; i < 600 && !rendering && build.isAlive(); i++) {
            Thread.sleep(50);
            try (Stream<Path> beside = Files.list(temp)) {
                rendering = beside.anyMatch(AtomicOutputTest::renderingInto);
            }
        }
        assertTrue(rendering && build.isAlive(), "the build was stopped while it wrote its temporary folder");
        if (forcibly) build.destroyForcibly();
        else build.destroy(); // SIGTERM, as Ctrl+C
        assertTrue(build.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        Trees.deleteTree(large);
    }

    /**
     * Whether {@code folder} is a build's temporary folder with pages in it and its lock: not the
     * one the build makes first to try its cache, which holds nothing and goes again at once
     * (stopped while it goes, it can be left without its lock, and a folder without one is kept
     * for a minute: it may be a build's that has just begun).
     */
    private static boolean renderingInto(Path folder) {
        if (!folder.getFileName().toString().startsWith(".ud.ny-") || !Files.isRegularFile(folder.resolve(Publisher.LOCK))) return false;
        try (Stream<Path> in = Files.list(folder)) {
            return in.anyMatch(p -> !p.getFileName().toString().equals(Publisher.LOCK));
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }

    @Test
    void aTemporaryFolderOfABuildThatDiedIsRemovedAndOneInUseIsKept() throws Exception {
        // a build killed with kill -9 left its folder, with its lock file, no longer locked
        Path dead = Files.createDirectories(temp.resolve(".ud.ny-111"));
        Files.writeString(dead.resolve(Publisher.LOCK), "");
        Files.writeString(dead.resolve("index.html"), "<p>halvt skrevet");
        Path running = Files.createDirectories(temp.resolve(".ud.ny-222"));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(running.resolve(Publisher.LOCK),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.lock();
            assertTrue(SiteBuilder.build(site, out, false).ok());
            assertFalse(Files.exists(dead), "the dead build's folder is gone");
            assertTrue(Files.exists(running.resolve(Publisher.LOCK)), "a folder whose build still holds its lock is kept");
        }
        Trees.deleteTree(running);
        assertEarlierSiteUntouched();
    }

    @Test
    void aTemporaryFolderWithoutItsLockIsRemovedOnceItIsOldAndKeptWhileNew() throws Exception {
        Path old = Files.createDirectories(temp.resolve(".ud.ny-333/tilbud"));
        Files.writeString(old.resolve("index.html"), "<p>skrevet efter Ctrl+C");
        Files.setLastModifiedTime(old.getParent(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * Publisher.ORPHAN_AGE_MS));
        Path fresh = Files.createDirectories(temp.resolve(".ud.ny-444"));
        assertTrue(SiteBuilder.build(site, out, false).ok());
        assertFalse(Files.exists(old.getParent()), "an old folder without a lock is left over");
        assertTrue(Files.exists(fresh), "a folder made a moment ago may be a build that has not locked it yet");
        Trees.deleteTree(fresh);
        assertEarlierSiteUntouched();
    }
}
