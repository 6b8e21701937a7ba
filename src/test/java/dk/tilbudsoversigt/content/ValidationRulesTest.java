package dk.tilbudsoversigt.content;

import static dk.tilbudsoversigt.TestSites.ACTION_PLAN;
import static dk.tilbudsoversigt.TestSites.ACTION_PLAN_FILE;
import static dk.tilbudsoversigt.TestSites.FAQ;
import static dk.tilbudsoversigt.TestSites.FAQ_FILE;
import static dk.tilbudsoversigt.TestSites.GROUP;
import static dk.tilbudsoversigt.TestSites.GROUP_FILE;
import static dk.tilbudsoversigt.TestSites.NEWS;
import static dk.tilbudsoversigt.TestSites.NEWS_FILE;
import static dk.tilbudsoversigt.TestSites.OFFER;
import static dk.tilbudsoversigt.TestSites.OFFER_FILE;
import static dk.tilbudsoversigt.TestSites.PLAN;
import static dk.tilbudsoversigt.TestSites.PLAN_FILE;
import static dk.tilbudsoversigt.TestSites.PROPERTIES;
import static dk.tilbudsoversigt.TestSites.PROPERTIES_FILE;
import static dk.tilbudsoversigt.TestSites.SIDE;
import static dk.tilbudsoversigt.TestSites.SIDE_FILE;
import static dk.tilbudsoversigt.TestSites.lineOf;
import static dk.tilbudsoversigt.TestSites.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dk.tilbudsoversigt.TestSites;
import dk.tilbudsoversigt.markdown.RenderedBody;
import dk.tilbudsoversigt.site.Checked;

/**
 * One test per rule of the content format (shared/spec/content-format.md): each starts from a
 * valid site, breaks one thing and checks the file, the line and the gist of the message.
 */
class ValidationRulesTest {

    @TempDir
    Path site;

    @BeforeEach
    void writeValidSite() {
        TestSites.minimal(site);
    }

    // ---------------------------------------------------------------- helpers

    private Checked run() {
        return Checked.run(site, false);
    }

    private void write(String file, String text) {
        TestSites.write(site, file, text);
    }

    private static String describe(Checked checked) {
        List<Problem> all = checked.problems().all();
        if (all.isEmpty()) return "  (no problems)";
        return all.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /**
     * Asserts that the run reported exactly one problem: an error in {@code file} at {@code line}
     * whose message contains every one of {@code parts}. One broken thing, one message.
     */
    private static Problem assertError(Checked checked, String file, int line, String... parts) {
        Problem p = assertErrorAmongOthers(checked, file, line, parts);
        assertEquals(1, checked.problems().all().size(), "expected one problem only; the run reported:\n" + describe(checked));
        return p;
    }

    /**
     * Asserts that the run has errors, that all of them are in {@code file}, and that one is at
     * {@code line} and contains every one of {@code parts}.
     */
    private static Problem assertErrorAmongOthers(Checked checked, String file, int line, String... parts) {
        List<Problem> errors = checked.problems().errors();
        String all = describe(checked);
        assertFalse(errors.isEmpty(), "expected an error at " + file + ":" + line + " but the run has none:\n" + all);
        for (Problem p : errors) {
            assertEquals(file, p.file(), "every error should be in " + file + "; the run reported:\n" + all);
        }
        Problem match = errors.stream()
                .filter(p -> p.line() == line && Arrays.stream(parts).allMatch(p.message()::contains))
                .findFirst()
                .orElse(null);
        if (match == null) {
            fail("expected an error at " + file + ":" + line + " containing " + Arrays.toString(parts)
                    + "; the run reported:\n" + all);
        }
        assertFalse(match.warning());
        assertEquals(file + ":" + line + ": " + match.message(), match.toString());
        return match;
    }

    private static void assertNoErrors(Checked checked) {
        assertTrue(checked.problems().errors().isEmpty(), "expected no errors; the run reported:\n" + describe(checked));
    }

    private static void assertClean(Checked checked) {
        assertTrue(checked.problems().all().isEmpty(), "expected no problems; the run reported:\n" + describe(checked));
    }

    /** The FAQ page with {@code extra} appended to its body. */
    private static String faqWith(String extra) {
        return FAQ + "\n" + extra + "\n";
    }

    private Checked runWithFaqBody(String extra) {
        write(FAQ_FILE, faqWith(extra));
        return run();
    }

    private static String withoutLines(String text, String... needles) {
        String out = text;
        for (String needle : needles) {
            String line = Arrays.stream(out.split("\n", -1)).filter(r -> r.contains(needle)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no line contains " + needle));
            out = out.replaceFirst(java.util.regex.Pattern.quote(line + "\n"), "");
        }
        return out;
    }

    // ---------------------------------------------------------------- the valid site

    @Test
    void theMinimalSiteIsValid() {
        Checked checked = run();
        assertClean(checked);
        assertEquals(Set.of(GROUP_FILE, OFFER_FILE, TestSites.TERM_FILE, FAQ_FILE),
                checked.pages().stream().map(Page::file).collect(Collectors.toSet()));
    }

    @Test
    void validPagesOfEveryOtherTypePass() {
        write(PLAN_FILE, PLAN);
        write(ACTION_PLAN_FILE, ACTION_PLAN);
        write(NEWS_FILE, NEWS);
        write(SIDE_FILE, SIDE);
        Checked checked = run();
        assertClean(checked);
        assertEquals(8, checked.pages().size());
    }

    // ---------------------------------------------------------------- folders, file names, URLs

    @ParameterizedTest
    @CsvSource({
            "Søskende Gruppe.md, soeskende-gruppe.md",
            "Weekend.md, weekend.md",
            "på_ferie.md, paa-ferie.md",
            "Blå Æble.md, blaa-aeble.md",
    })
    void fileNameMustBeASlugAndTheMessageProposesTheFixedName(String name, String fixed) {
        String file = "content/tilbud/" + name;
        write(file, OFFER);
        assertError(run(), file, 1, "'" + fixed + "'");
    }

    @Test
    void pageDirectlyInContentIsAnError() {
        write("content/om.md", SIDE);
        assertError(run(), "content/om.md", 1, "direkte i content/", "sider");
    }

    @Test
    void pageInUnknownFolderSuggestsTheNearestFolder() {
        write("content/tillbud/weekend.md", OFFER);
        assertError(run(), "content/tillbud/weekend.md", 1, "tillbud", "Mente du 'tilbud'");
    }

    @Test
    void typeContradictingTheFolderIsAnError() {
        String text = replace(GROUP, "title: Autisme\n", "title: Autisme\ntype: tilbud\n");
        write(GROUP_FILE, text);
        assertError(run(), GROUP_FILE, lineOf(text, "type: tilbud"), "type: 'tilbud'", "content/maalgrupper/");
    }

    @Test
    void typeMatchingTheFolderIsValid() {
        write(GROUP_FILE, replace(GROUP, "title: Autisme\n", "title: Autisme\ntype: maalgruppe\n"));
        assertClean(run());
    }

    @Test
    void twoPagesOnOneUrlIsAnErrorNamingBothFiles() {
        String other = "content/tilbud/boern/aflastning.md";
        write(other, OFFER);
        Checked checked = run();
        List<Problem> errors = checked.problems().errors();
        assertEquals(1, errors.size(), describe(checked));
        Problem p = errors.get(0);
        assertTrue(Set.of(OFFER_FILE, other).contains(p.file()), describe(checked));
        assertEquals(1, p.line());
        assertTrue(p.message().contains(OFFER_FILE) && p.message().contains(other), p.toString());
        assertTrue(p.message().contains("/tilbud/aflastning/"), p.toString());
    }

    @Test
    void pagesInSubFoldersAreServedUnderTheirTypeFolder() {
        write("content/tilbud/boern/weekend.md", replace(OFFER, "title: Aflastning i weekenden", "title: Weekend"));
        write(FAQ_FILE, faqWith("Se også [weekend](../tilbud/boern/weekend.md)."));
        Checked checked = run();
        assertClean(checked);
        Elements links = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html()).select("a:containsOwn(weekend)");
        assertEquals("/handicap/tilbud/weekend/", links.first().attr("href"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tilbud", "soeg"})
    void pageInSiderMayNotTakeAUrlTheSiteUses(String slug) {
        String file = "content/sider/" + slug + ".md";
        write(file, SIDE);
        assertError(run(), file, 1, "/" + slug + "/");
    }

    @Test
    void frontPageTextInSiderForsideIsValid() {
        write("content/sider/forside.md", SIDE);
        assertClean(run());
    }

    // ---------------------------------------------------------------- front matter syntax

    @Test
    void missingFrontMatterIsAnError() {
        write(FAQ_FILE, "title: Borgerguide\n\nTekst.\n");
        assertError(run(), FAQ_FILE, 1, "---");
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        write(FAQ_FILE, "---\ntitle: Borgerguide\nsummary: Svar.\n\nTekst.\n");
        assertError(run(), FAQ_FILE, 1, "ikke afsluttet");
    }

    @Test
    void emptyFileIsAnError() {
        write(FAQ_FILE, "");
        assertError(run(), FAQ_FILE, 1, "tom");
    }

    @Test
    void frontMatterThatIsAYamlListIsAnError() {
        write(FAQ_FILE, "---\n- title: Borgerguide\n- summary: Svar.\n---\n\nTekst.\n");
        assertError(run(), FAQ_FILE, 2, "liste");
    }

    @Test
    void duplicateKeyIsAnError() {
        String text = replace(FAQ, "summary:", "title: Igen\nsummary:");
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, lineOf(text, "title: Igen"), "'title'", "to gange", "linje 2");
    }

    @Test
    void tabIndentationIsAnError() {
        String text = replace(OFFER, "  min: 0", "\tmin: 0");
        write(OFFER_FILE, text);
        // the FAQ links to this offer: the link must not be reported as pointing at a missing file
        assertError(run(), OFFER_FILE, lineOf(text, "\tmin: 0"), "tabulator");
    }

    @Test
    void yamlThatCannotBeReadIsAnErrorNotACrash() {
        String text = replace(FAQ, "title: Borgerguide", "title: [Borgerguide");
        write(FAQ_FILE, text);
        Checked checked = run();
        assertFalse(checked.problems().errors().isEmpty(), describe(checked));
        assertTrue(checked.problems().errors().stream().allMatch(p -> p.file().equals(FAQ_FILE)), describe(checked));
        assertTrue(checked.problems().errors().stream().anyMatch(p -> p.message().contains("YAML")), describe(checked));
    }

    @Test
    void fileThatIsNotUtf8IsAnErrorAtTheBadLine() {
        byte[] latin1 = "---\ntitle: Borgerguide\nsummary: Svar p\u00e5 sp\u00f8rgsm\u00e5l.\n---\n\nTekst.\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        TestSites.writeBytes(site, FAQ_FILE, latin1);
        assertError(run(), FAQ_FILE, 3, "UTF-8");
    }

    @Test
    void unknownKeyNamesTheNearestMatchAtTheKeysLine() {
        String text = replace(OFFER, "target_groups:", "tagret_groups:");
        write(OFFER_FILE, text);
        // also reported: 'target_groups' is now missing
        Problem p = assertErrorAmongOthers(run(), OFFER_FILE, lineOf(text, "tagret_groups:"), "'tagret_groups'", "Mente du 'target_groups'");
        assertTrue(p.message().contains("referral_required"), "the message should name the allowed keys: " + p);
    }

    // ---------------------------------------------------------------- fields of every type

    @Test
    void missingTitleIsAnError() {
        write(FAQ_FILE, withoutLines(FAQ, "title:"));
        assertError(run(), FAQ_FILE, 1, "'title' mangler");
    }

    @Test
    void titleOver120CharactersIsAnError() {
        String text = replace(FAQ, "title: Borgerguide", "title: " + "a".repeat(121));
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, 2, "'title'", "121", "120");
    }

    @Test
    void titleOf120CharactersIsValid() {
        write(FAQ_FILE, replace(FAQ, "title: Borgerguide", "title: " + "a".repeat(120)));
        assertClean(run());
    }

    @Test
    void missingSummaryIsAnError() {
        write(FAQ_FILE, withoutLines(FAQ, "summary:"));
        assertError(run(), FAQ_FILE, 1, "'summary' mangler");
    }

    @Test
    void sideWithoutSummaryIsValid() {
        write(SIDE_FILE, SIDE);
        Checked checked = run();
        assertClean(checked);
        assertTrue(checked.pages().stream().anyMatch(p -> p.file().equals(SIDE_FILE)));
    }

    @Test
    void summaryOver300CharactersIsAnError() {
        String text = replace(FAQ, "summary: Svar på de spørgsmål, familier oftest stiller.", "summary: " + "a".repeat(301));
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, 3, "'summary'", "301", "300");
    }

    @Test
    void summaryOver300CharactersInADraftIsOnlyAWarning() {
        String file = "content/sider/kladde.md";
        write(file, "---\ntitle: Kladde\nstatus: draft\nsummary: " + "a".repeat(301) + "\n---\n\nTekst.\n");
        for (boolean includeDrafts : new boolean[] {false, true}) {
            Checked checked = Checked.run(site, includeDrafts);
            assertNoErrors(checked);
            assertFalse(checked.problems().hasErrors());
            List<Problem> warnings = checked.problems().warnings();
            assertEquals(1, warnings.size(), describe(checked));
            Problem w = warnings.get(0);
            assertEquals(file, w.file());
            assertEquals(4, w.line());
            assertTrue(w.warning());
            assertTrue(w.message().contains("301"), w.toString());
        }
    }

    @Test
    void statusOtherThanPublishedOrDraftIsAnError() {
        String text = replace(FAQ, "summary:", "status: kladde\nsummary:");
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, lineOf(text, "status: kladde"), "'status'", "kladde", "published", "draft");
    }

    @Test
    void statusPublishedIsValid() {
        write(FAQ_FILE, replace(FAQ, "summary:", "status: published\nsummary:"));
        Checked checked = run();
        assertClean(checked);
        assertTrue(checked.pages().stream().anyMatch(p -> p.file().equals(FAQ_FILE)));
    }

    @Test
    void draftIsLeftOutOfThePagesUnlessDraftsAreIncluded() {
        write(NEWS_FILE, replace(NEWS, "date:", "status: draft\ndate:"));
        Checked published = Checked.run(site, false);
        assertClean(published);
        assertTrue(published.pages().stream().noneMatch(p -> p.file().equals(NEWS_FILE)));
        assertFalse(published.bodies().containsKey(NEWS_FILE));

        Checked preview = Checked.run(site, true);
        assertClean(preview);
        Page draft = preview.pages().stream().filter(p -> p.file().equals(NEWS_FILE)).findFirst().orElseThrow();
        assertTrue(draft.draft());
        assertTrue(preview.bodies().containsKey(NEWS_FILE));
    }

    @Test
    void updatedIsRequiredForAnOffer() {
        write(OFFER_FILE, withoutLines(OFFER, "updated:"));
        assertError(run(), OFFER_FILE, 1, "'updated' mangler");
    }

    @Test
    void updatedIsRequiredForAnActionPlan() {
        write(ACTION_PLAN_FILE, withoutLines(ACTION_PLAN, "updated:"));
        assertError(run(), ACTION_PLAN_FILE, 1, "'updated' mangler");
    }

    @Test
    void dateInTheWrongFormatIsAnError() {
        String text = replace(OFFER, "updated: 2024-05-01", "updated: 31-05-2024");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "updated:"), "'updated'", "ÅÅÅÅ-MM-DD");
    }

    @Test
    void impossibleDateIsAnError() {
        String text = replace(OFFER, "updated: 2024-05-01", "updated: 2024-02-30");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "updated:"), "'updated'", "2024-02-30", "findes");
    }

    @Test
    void keywordsAndRelatedAsListsAreValid() {
        write(FAQ_FILE, replace(FAQ, "summary:", "keywords: [hjælp, spørgsmål]\nrelated:\n  - tilbud/aflastning\n  - maalgrupper/autisme\nsummary:"));
        assertClean(run());
    }

    @Test
    void keywordsThatAreNotAListAreAnError() {
        String text = replace(FAQ, "summary:", "keywords:\n  hjælp: ja\nsummary:");
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, lineOf(text, "hjælp: ja"), "'keywords'", "liste");
    }

    @Test
    void relatedThatIsNotFolderSlashSlugIsAnError() {
        String text = replace(FAQ, "summary:", "related:\n  - aflastning\nsummary:");
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, lineOf(text, "  - aflastning"), "'related'", "mappe/navn");
    }

    @Test
    void relatedToAMissingPageIsAnErrorAtTheItemsLineWithASuggestion() {
        String text = replace(FAQ, "summary:", "related:\n  - tilbud/aflastning\n  - tilbud/aflastnig\nsummary:");
        write(FAQ_FILE, text);
        assertError(run(), FAQ_FILE, lineOf(text, "  - tilbud/aflastnig"), "'tilbud/aflastnig'", "Mente du 'tilbud/aflastning'");
    }

    // ---------------------------------------------------------------- tilbud

    @Test
    void offerWithoutTargetGroupsIsAnError() {
        write(OFFER_FILE, withoutLines(OFFER, "target_groups:", "  - autisme"));
        assertError(run(), OFFER_FILE, 1, "'target_groups' mangler");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"\""})
    void offerWithAnEmptyListOfTargetGroupsIsAnError(String empty) {
        String text = replace(OFFER, "target_groups:\n  - autisme", "target_groups: " + empty);
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "target_groups:"), "'target_groups'", "mindst ét");
    }

    @Test
    void unknownTargetGroupIsAnErrorAtTheItemsLineWithASuggestion() {
        String text = replace(OFFER, "  - autisme", "  - autisme\n  - autsime");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "  - autsime"), "'autsime'", "Mente du 'autisme'");
    }

    @Test
    void offerWithoutAgeIsAnError() {
        write(OFFER_FILE, withoutLines(OFFER, "age:", "  min: 0", "  max: 17"));
        assertError(run(), OFFER_FILE, 1, "'age' mangler");
    }

    @Test
    void ageMinAboveMaxIsAnError() {
        String text = replace(OFFER, "  min: 0", "  min: 18");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "  max: 17"), "'age.max'", "'age.min'");
    }

    @Test
    void ageAbove120IsAnError() {
        String text = replace(OFFER, "  max: 17", "  max: 121");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "  max: 121"), "'age.max'", "120");
    }

    @Test
    void ageThatIsNotAWholeNumberIsAnError() {
        String text = replace(OFFER, "  min: 0", "  min: 2.5");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "  min: 2.5"), "'age.min'", "helt tal");
    }

    @Test
    void ageWithoutMaxIsValidAndMeansAndOlder() {
        write(OFFER_FILE, withoutLines(OFFER, "  max: 17"));
        Checked checked = run();
        assertClean(checked);
        Page offer = checked.pages().stream().filter(p -> p.file().equals(OFFER_FILE)).findFirst().orElseThrow();
        assertEquals(new Page.AgeRange(0, null), offer.offer().age());
    }

    @Test
    void offerWithoutReferralRequiredIsAnError() {
        write(OFFER_FILE, withoutLines(OFFER, "referral_required:"));
        assertError(run(), OFFER_FILE, 1, "'referral_required' mangler");
    }

    @Test
    void referralRequiredThatIsNotABooleanIsAnError() {
        String text = replace(OFFER, "referral_required: true", "referral_required: måske");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "referral_required:"), "'referral_required'", "true eller false");
    }

    @Test
    void areaNotInSiteAreasIsAnErrorWithASuggestion() {
        String text = replace(OFFER, "areas: [social]", "areas: [socail]");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "areas:"), "'socail'", "site.areas", "Mente du 'social'");
    }

    @Test
    void offerWithoutContactIsAnError() {
        write(OFFER_FILE, withoutLines(OFFER, "contact:", "  unit:", "  phone:", "  email:"));
        assertError(run(), OFFER_FILE, 1, "'contact' mangler");
    }

    @Test
    void contactWithoutUnitIsAnError() {
        String text = withoutLines(OFFER, "  unit:");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "contact:"), "'contact.unit' mangler");
    }

    @Test
    void contactWithNoneOfPhoneEmailOrUrlIsAnError() {
        String text = replace(withoutLines(OFFER, "  phone:", "  email:"), "  unit: Børn og Familie",
                "  unit: Børn og Familie\n  address: Laksetorvet 1, 8900 Randers C");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "contact:"), "'contact'", "phone", "email", "url");
    }

    @Test
    void contactWithOnlyAUrlIsValid() {
        write(OFFER_FILE, replace(withoutLines(OFFER, "  phone:", "  email:"), "  unit: Børn og Familie",
                "  unit: Børn og Familie\n  url: https://www.example.dk/boern"));
        assertClean(run());
    }

    @Test
    void contactWithABadEmailIsAnError() {
        String text = replace(OFFER, "email: boern@example.dk", "email: boern.example.dk");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "email:"), "'contact.email'", "boern.example.dk");
    }

    @Test
    void contactWithABadUrlIsAnError() {
        String text = replace(OFFER, "  email: boern@example.dk", "  email: boern@example.dk\n  url: www.example.dk");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "  url:"), "'contact.url'", "https://");
    }

    @Test
    void unknownKeyInContactSuggestsTheNearest() {
        String text = replace(OFFER, "  email: boern@example.dk", "  emial: boern@example.dk");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "emial:"), "'contact.emial'", "Mente du 'email'");
    }

    @Test
    void reviewByInTheWrongFormatIsAnError() {
        String text = replace(OFFER, "review_by: 2099-12-31", "review_by: 31-12-2099");
        write(OFFER_FILE, text);
        assertError(run(), OFFER_FILE, lineOf(text, "review_by:"), "'review_by'", "ÅÅÅÅ-MM-DD");
    }

    @Test
    void reviewByThatHasPassedIsAWarningThatNeverFailsTheBuild() {
        String text = replace(OFFER, "review_by: 2099-12-31", "review_by: 2024-01-31");
        write(OFFER_FILE, text);
        Checked checked = run();
        assertClean(checked);
        Problems report = new Problems();
        dk.tilbudsoversigt.report.EditorReport.addWarnings(checked, report, java.time.LocalDate.of(2024, 6, 1));
        assertFalse(report.hasErrors());
        assertEquals(1, report.warnings().size(), report.all().toString());
        Problem w = report.warnings().get(0);
        assertEquals(OFFER_FILE, w.file());
        assertEquals(lineOf(text, "review_by:"), w.line());
        assertTrue(w.message().contains("2024-01-31"), w.toString());

        Problems early = new Problems();
        dk.tilbudsoversigt.report.EditorReport.addWarnings(checked, early, java.time.LocalDate.of(2024, 1, 1));
        assertTrue(early.all().isEmpty(), early.all().toString());
    }

    // ---------------------------------------------------------------- plan, handleplan, nyhed

    @Test
    void planWithoutPeriodIsAnError() {
        write(PLAN_FILE, withoutLines(PLAN, "period:"));
        assertError(run(), PLAN_FILE, 1, "'period' mangler");
    }

    @Test
    void planWithAnUnknownAudienceIsAnError() {
        String text = replace(PLAN, "audience: alle", "audience: børn");
        write(PLAN_FILE, text);
        assertError(run(), PLAN_FILE, lineOf(text, "audience:"), "'audience'", "boern", "voksne", "alle");
    }

    @Test
    void planWithoutAudienceIsAnError() {
        write(PLAN_FILE, withoutLines(PLAN, "audience:"));
        assertError(run(), PLAN_FILE, 1, "'audience' mangler");
    }

    @Test
    void actionPlanWithoutItemsIsAnError() {
        String text = ACTION_PLAN.substring(0, ACTION_PLAN.indexOf("items:")) + ACTION_PLAN.substring(ACTION_PLAN.indexOf("---\n", 4));
        write(ACTION_PLAN_FILE, text);
        assertError(run(), ACTION_PLAN_FILE, 1, "'items' mangler");
    }

    @Test
    void actionPlanItemWithoutNrIsAnError() {
        String text = replace(ACTION_PLAN, "  - nr: 2\n    title: Ny hjemmeside", "  - title: Ny hjemmeside");
        write(ACTION_PLAN_FILE, text);
        assertError(run(), ACTION_PLAN_FILE, lineOf(text, "  - title: Ny hjemmeside"), "'items.2.nr' mangler");
    }

    @Test
    void actionPlanItemWithoutTitleIsAnError() {
        String text = withoutLines(ACTION_PLAN, "title: Ny hjemmeside");
        write(ACTION_PLAN_FILE, text);
        assertError(run(), ACTION_PLAN_FILE, lineOf(text, "  - nr: 2"), "'items.2.title' mangler");
    }

    @Test
    void actionPlanItemWithAnUnknownStatusIsAnErrorWithASuggestion() {
        String text = replace(ACTION_PLAN, "status: in_progress", "status: in_progres");
        write(ACTION_PLAN_FILE, text);
        assertError(run(), ACTION_PLAN_FILE, lineOf(text, "in_progres"), "'in_progres'", "Mente du 'in_progress'");
    }

    @Test
    void actionPlanItemsWithEveryStatusAreValid() {
        StringBuilder items = new StringBuilder("items:\n");
        int nr = 0;
        for (String status : List.of("done", "in_progress", "not_started", "postponed", "cancelled")) {
            nr++;
            items.append("  - nr: ").append(nr).append("\n    title: Punkt ").append(nr)
                    .append("\n    status: ").append(status).append('\n');
        }
        String text = ACTION_PLAN.substring(0, ACTION_PLAN.indexOf("items:")) + items + ACTION_PLAN.substring(ACTION_PLAN.indexOf("---\n", 4));
        write(ACTION_PLAN_FILE, text);
        Checked checked = run();
        assertClean(checked);
        Page plan = checked.pages().stream().filter(p -> p.file().equals(ACTION_PLAN_FILE)).findFirst().orElseThrow();
        List<ActionStatus> statuses = ((Page.ActionPlan) plan.details()).items().stream().map(Page.ActionItem::status).toList();
        assertEquals(List.of(ActionStatus.values()), statuses);
    }

    @Test
    void newsWithoutDateIsAnError() {
        write(NEWS_FILE, withoutLines(NEWS, "date:"));
        assertError(run(), NEWS_FILE, 1, "'date' mangler");
    }

    // ---------------------------------------------------------------- body: links and images

    @Test
    void linkToAMissingContentFileIsAnErrorAtTheLinksLineInTheFile() {
        String extra = "Læs også om [weekendophold](../tilbud/weekend.md).";
        write(FAQ_FILE, faqWith(extra));
        int line = lineOf(faqWith(extra), "weekendophold");
        assertTrue(line > 10, "the front matter lines count");
        assertError(run(), FAQ_FILE, line, "../tilbud/weekend.md", "ikke findes");
    }

    @Test
    void linkToAMissingAnchorOnAnExistingPageIsAnError() {
        String extra = "Se [hvem](../tilbud/aflastning.md#hvem-kan-faa-aflastnig).";
        Checked checked = runWithFaqBody(extra);
        assertError(checked, FAQ_FILE, lineOf(faqWith(extra), "[hvem]"), "#hvem-kan-faa-aflastnig", OFFER_FILE,
                "Mente du 'hvem-kan-faa-aflastning'");
    }

    @Test
    void linkToAnExistingPageAndAnchorIsValid() {
        Checked checked = runWithFaqBody("Se [hvem](../tilbud/aflastning.md#hvem-kan-faa-aflastning).");
        assertClean(checked);
        Element a = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html()).selectFirst("a:containsOwn(hvem)");
        assertNotNull(a);
        assertEquals("/handicap/tilbud/aflastning/#hvem-kan-faa-aflastning", a.attr("href"));
    }

    @Test
    void linkToAnAnchorOnTheSamePageIsChecked() {
        String extra = "Se [svaret](#hvem-kan-jeg-ringe-til).";
        Checked checked = runWithFaqBody(extra);
        assertError(checked, FAQ_FILE, lineOf(faqWith(extra), "[svaret]"), "#hvem-kan-jeg-ringe-til", "Mente du 'hvem-kan-jeg-kontakte'");
    }

    @Test
    void linkClimbingOutOfTheSiteFolderIsAnError() {
        String extra = "Se [noget](../../../x.md).";
        Checked checked = runWithFaqBody(extra);
        assertError(checked, FAQ_FILE, lineOf(faqWith(extra), "[noget]"), "../../../x.md", "uden for site-mappen");
    }

    @Test
    void imageWithEmptyAltTextIsAnError() {
        TestSites.writeBytes(site, "content/faq/kort.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        String extra = "![](kort.png)";
        Checked checked = runWithFaqBody(extra);
        assertError(checked, FAQ_FILE, lineOf(faqWith(extra), extra), "kort.png", "alternativ tekst");
    }

    @Test
    void imageWhoseFileIsMissingIsAnError() {
        String extra = "![Kort over Gudenåcenteret](kort.png)";
        Checked checked = runWithFaqBody(extra);
        assertError(checked, FAQ_FILE, lineOf(faqWith(extra), extra), "kort.png", "findes ikke");
    }

    @Test
    void imageBesideThePageWithAltTextIsValid() {
        TestSites.writeBytes(site, "content/faq/kort.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Checked checked = runWithFaqBody("![Kort over Gudenåcenteret](kort.png)");
        assertClean(checked);
        Element img = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html()).selectFirst("img");
        assertNotNull(img);
        assertEquals("Kort over Gudenåcenteret", img.attr("alt"));
        assertTrue(img.attr("src").startsWith("/handicap/") && img.attr("src").endsWith("/kort.png"), img.outerHtml());
    }

    @Test
    void imageInAssetsWithAltTextIsValid() {
        TestSites.writeBytes(site, "assets/kort.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Checked checked = runWithFaqBody("![Kort over Gudenåcenteret](../../assets/kort.png)");
        assertClean(checked);
        Element img = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html()).selectFirst("img");
        assertEquals("/handicap/kort.png", img.attr("src"));
    }

    @Test
    void githubTablesAreRendered() {
        Checked checked = runWithFaqBody("| Ydelse | Pris |\n|---|---|\n| Aflastning | Gratis |");
        assertClean(checked);
        var doc = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html());
        assertEquals(2, doc.select("table tr").size(), doc.body().html());
        assertEquals("Gratis", doc.select("table td").last().text());
    }

    // ---------------------------------------------------------------- body: raw HTML

    @Test
    void rawScriptIsAnError() {
        String extra = "<script>alert('hej')</script>";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "<script>");
    }

    @Test
    void rawIframeIsAnError() {
        String extra = "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "<iframe>");
    }

    @Test
    void rawStyleIsAnError() {
        String extra = "<style>body { color: red }</style>";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "<style>");
    }

    @Test
    void eventAttributeIsAnError() {
        String extra = "Klik <span onclick=\"alert(1)\">her</span>.";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "onclick=");
    }

    @Test
    void javascriptUrlInAMarkdownLinkIsAnError() {
        String extra = "Klik [her](javascript:alert(1)).";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "javascript:");
    }

    @Test
    void javascriptUrlInARawLinkIsAnError() {
        String extra = "Klik <a href=\"javascript:alert(1)\">her</a>.";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "javascript:");
    }

    @Test
    void allowedRawHtmlPassesThrough() {
        Checked checked = runWithFaqBody("Kontakt <abbr title=\"Pædagogisk Psykologisk Rådgivning\">PPR</abbr> i dag.");
        assertClean(checked);
        Element abbr = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html()).selectFirst("abbr");
        assertNotNull(abbr);
        assertEquals("Pædagogisk Psykologisk Rådgivning", abbr.attr("title"));
    }

    // ---------------------------------------------------------------- body: headings

    @Test
    void levelOneHeadingInTheBodyIsAnError() {
        String extra = "# Mere hjælp";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "#", "##");
    }

    @Test
    void headingThatSkipsALevelIsAnError() {
        String extra = "#### Detaljer";
        assertError(runWithFaqBody(extra), FAQ_FILE, lineOf(faqWith(extra), extra), "####", "##");
    }

    @Test
    void headingsThatStepDownOneLevelAtATimeAreValid() {
        assertClean(runWithFaqBody("### Detaljer\n\nTekst.\n\n#### Flere detaljer\n\nTekst.\n\n## Næste spørgsmål\n\nSvar."));
    }

    // ---------------------------------------------------------------- site.properties

    @Test
    void siteTitleIsRequired() {
        write(PROPERTIES_FILE, withoutLines(PROPERTIES, "site.title="));
        Checked checked = run();
        assertError(checked, PROPERTIES_FILE, 1, "'site.title'");
    }

    @Test
    void siteOwnerIsRequired() {
        write(PROPERTIES_FILE, withoutLines(PROPERTIES, "site.owner="));
        assertError(run(), PROPERTIES_FILE, 1, "'site.owner'");
    }

    @Test
    void siteUrlMustBeAnAbsoluteAddress() {
        String text = replace(PROPERTIES, "site.url=https://www.example.dk/handicap", "site.url=www.example.dk/handicap");
        write(PROPERTIES_FILE, text);
        assertError(run(), PROPERTIES_FILE, lineOf(text, "site.url="), "'site.url'");
    }

    // ---------------------------------------------------------------- all problems together

    @Test
    void allProblemsOfARunAreReportedTogether() {
        String offer = replace(OFFER, "  - autisme", "  - autsime");
        write(OFFER_FILE, offer);
        String faq = faqWith("Se [noget](../tilbud/findes-ikke.md).");
        write(FAQ_FILE, faq);
        Checked checked = run();
        List<Problem> errors = checked.problems().errors();
        assertTrue(errors.stream().anyMatch(p -> p.file().equals(OFFER_FILE) && p.line() == lineOf(offer, "autsime")), describe(checked));
        assertTrue(errors.stream().anyMatch(p -> p.file().equals(FAQ_FILE) && p.line() == lineOf(faq, "findes-ikke")), describe(checked));
        assertEquals(errors.stream().sorted().toList(), errors, "problems are sorted by file and line");
    }

    // ---------------------------------------------------------------- rendering

    @Test
    void contentLinkBecomesThePagesUrlAndTheFirstUseOfATermIsLinked() {
        Checked checked = run();
        assertClean(checked);
        RenderedBody body = checked.bodies().get(FAQ_FILE);
        assertNotNull(body, "bodies are keyed by page file: " + checked.bodies().keySet());
        var doc = Jsoup.parseBodyFragment(body.html());

        Element offerLink = doc.selectFirst("a:containsOwn(aflastning)");
        assertNotNull(offerLink, body.html());
        assertEquals("/handicap/tilbud/aflastning/", offerLink.attr("href"));

        Elements termLinks = doc.select("a[href=/handicap/begreber/visitation/]");
        assertEquals(1, termLinks.size(), "only the first occurrence is linked: " + body.html());
        Element termLink = termLinks.first();
        assertEquals("visitation", termLink.text());
        assertEquals(doc.select("p").first(), termLink.parent(), "the first use in body text is linked: " + body.html());
        assertTrue(doc.select("h1 a, h2 a, h3 a, h4 a").isEmpty(), "headings are never linked: " + body.html());
        assertTrue(doc.select("h2").first().text().contains("visitation"), "the heading uses the term too");
    }

    @Test
    void aSynonymOfATermIsLinked() {
        write(FAQ_FILE, "---\ntitle: Borgerguide\nsummary: Svar.\n---\n\nNår du er visiteret, får du besked.\n");
        Checked checked = run();
        assertClean(checked);
        Element a = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html()).selectFirst("a:containsOwn(visiteret)");
        assertNotNull(a, checked.bodies().get(FAQ_FILE).html());
        assertEquals("/handicap/begreber/visitation/", a.attr("href"));
    }

    @Test
    void termsInsideLinksAndCodeAreNotLinked() {
        write(FAQ_FILE, "---\ntitle: Borgerguide\nsummary: Svar.\n---\n\n"
                + "Læs om [visitation her](https://www.example.dk/) og `visitation`.\n");
        Checked checked = run();
        assertClean(checked);
        var doc = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html());
        assertTrue(doc.select("a[href=/handicap/begreber/visitation/]").isEmpty(), doc.body().html());
    }

    @Test
    void glossaryLinksFalseTurnsGlossaryLinkingOff() {
        write(FAQ_FILE, replace(FAQ, "summary:", "glossary_links: false\nsummary:"));
        Checked checked = run();
        assertClean(checked);
        var doc = Jsoup.parseBodyFragment(checked.bodies().get(FAQ_FILE).html());
        assertTrue(doc.select("a[href=/handicap/begreber/visitation/]").isEmpty(), doc.body().html());
        assertEquals("/handicap/tilbud/aflastning/", doc.selectFirst("a:containsOwn(aflastning)").attr("href"));
    }

    @Test
    void faqQuestionsGetStableAnchors() {
        Checked checked = run();
        RenderedBody body = checked.bodies().get(FAQ_FILE);
        assertEquals(List.of("hvordan-soeger-jeg-om-visitation", "hvem-kan-jeg-kontakte"),
                body.sections().stream().map(s -> s.id()).toList());
        var doc = Jsoup.parseBodyFragment(body.html());
        assertNotNull(doc.getElementById("hvem-kan-jeg-kontakte"), body.html());
    }
}
