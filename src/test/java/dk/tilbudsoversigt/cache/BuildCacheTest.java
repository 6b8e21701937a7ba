package dk.tilbudsoversigt.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;
import dk.tilbudsoversigt.bake.SiteBuilder;
import dk.tilbudsoversigt.cli.Main;

/**
 * A second build of an unchanged site takes the files of the first from the cache beside the
 * output, byte for byte those of a full build; a change to the site, a damaged cache, a cache
 * of another format and a built file changed in place after the build all lead to a full build
 * with the right output, never to the cached one.
 */
class BuildCacheTest {
    private static final String FROM_CACHE = "(uændret, fra sidste byg)";

    @TempDir
    static Path shared;
    /** The fixture site built with --no-cache: what every build below must give. */
    static Map<String, String> reference;

    @TempDir
    Path temp;
    Path site;
    Path out;
    Path cache;
    String summary;

    @BeforeAll
    static void buildReference() throws Exception {
        Path out = shared.resolve("reference");
        assertTrue(SiteBuilder.build(Trees.fixture("fixture-site"), out, false).ok());
        reference = Trees.fingerprint(out);
    }

    @BeforeEach
    void copySite() throws Exception {
        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        out = temp.resolve("ud").resolve("site");
        cache = temp.resolve("ud").resolve(".site.cache");
    }

    private int build(String... extra) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        String[] args = new String[5 + extra.length];
        args[0] = "build";
        args[1] = "--source";
        args[2] = site.toString();
        args[3] = "--output";
        args[4] = out.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        summary = stdout.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void anUnchangedSiteIsTakenFromTheCacheByteForByte() throws Exception {
        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), summary);
        assertTrue(Files.isRegularFile(cache.resolve(BuildCache.MANIFEST)), "the cache is written beside the output");
        assertEquals(reference, Trees.fingerprint(out));
        String first = summary;

        assertEquals(0, build());
        assertTrue(summary.contains(FROM_CACHE), summary);
        assertEquals(first.replaceAll("\\d+ ms", ""), summary.replace(" " + FROM_CACHE, "").replaceAll("\\d+ ms", ""),
                "the same pages, files and warnings reported");
        assertEquals(reference, Trees.fingerprint(out), "the cached build is the full build byte for byte");
    }

    @Test
    void aChangedPageIsBuiltAgain() throws Exception {
        assertEquals(0, build());
        Path page = site.resolve("content/tilbud/boern/aflastning.md");
        Files.writeString(page, Files.readString(page).replaceFirst("(?m)^title: .*$", "title: Aflastning i weekenden"));
        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), summary);
        assertTrue(Files.readString(out.resolve("tilbud/aflastning/index.html")).contains("Aflastning i weekenden"));
        assertEquals(0, build());
        assertTrue(summary.contains(FROM_CACHE), "the changed site is cached in turn: " + summary);
        assertNotEquals(reference, Trees.fingerprint(out));
    }

    @Test
    void aDamagedCachedFileIsNoticedAndTheSiteBuiltAgain() throws Exception {
        assertEquals(0, build());
        // a bit flipped in a cached page, its size unchanged
        Path cached = cache.resolve(BuildCache.FILES).resolve("tilbud/aflastning/index.html");
        byte[] bytes = Files.readAllBytes(cached);
        bytes[bytes.length / 2] ^= 1;
        Files.delete(cached); // the cached file is a hard link to the output's: damage the cache's copy alone
        Files.write(cached, bytes);

        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), summary);
        assertEquals(reference, Trees.fingerprint(out));
    }

    @Test
    void aBuiltFileChangedInPlaceAfterTheBuildIsNotServedAgain() throws Exception {
        assertEquals(0, build());
        // a deployment step that edits the output in place also edits the hard-linked cached file
        Path built = out.resolve("index.html");
        Files.writeString(built, Files.readString(built).replace("</body>", "<script src=\"/statistik.js\"></script></body>"));

        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), summary);
        assertEquals(reference, Trees.fingerprint(out));
    }

    @Test
    void aDamagedOrForeignManifestIsIgnored() throws Exception {
        assertEquals(0, build());
        Path manifest = cache.resolve(BuildCache.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\":" + InputKey.VERSION, "\"version\":" + (InputKey.VERSION + 1)));
        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), "a manifest that does not match its hash: " + summary);
        assertEquals(reference, Trees.fingerprint(out));

        Files.writeString(cache.resolve(BuildCache.MANIFEST), "{\"version\":");
        Files.writeString(cache.resolve(BuildCache.MANIFEST_HASH), "0\n");
        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), "a truncated manifest: " + summary);
        assertEquals(reference, Trees.fingerprint(out));

        Files.delete(cache.resolve(BuildCache.FILES).resolve("sitemap.xml"));
        assertEquals(0, build());
        assertFalse(summary.contains(FROM_CACHE), "a cached file missing: " + summary);
        assertEquals(reference, Trees.fingerprint(out));
        assertEquals(0, build());
        assertTrue(summary.contains(FROM_CACHE), "a sound cache again after the full build: " + summary);
    }

    @Test
    void noCacheBuildsEverythingAndWritesNoCache() throws Exception {
        assertEquals(0, build("--no-cache"));
        assertFalse(Files.exists(cache), "no cache written");
        assertEquals(0, build());
        assertEquals(0, build("--no-cache"));
        assertFalse(summary.contains(FROM_CACHE), summary);
        assertEquals(reference, Trees.fingerprint(out));
    }

    @Test
    void aSiteWithErrorsIsNeverCachedAndItsErrorsAreReportedEveryTime() throws Exception {
        assertEquals(0, build());
        Path page = site.resolve("content/tilbud/boern/aflastning.md");
        String good = Files.readString(page);
        Files.writeString(page, good.replaceFirst("(?m)^title: .*$", "title:"));
        assertEquals(1, build());
        assertEquals(1, build());
        assertEquals(reference, Trees.fingerprint(out), "the earlier site stays");
        Files.writeString(page, good);
        assertEquals(0, build());
        assertTrue(summary.contains(FROM_CACHE), "the fixed site is the cached one again: " + summary);
        assertEquals(reference, Trees.fingerprint(out));
    }
}
