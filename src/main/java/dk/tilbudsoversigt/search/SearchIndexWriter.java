package dk.tilbudsoversigt.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dk.tilbudsoversigt.content.Page;
import dk.tilbudsoversigt.content.PageType;
import dk.tilbudsoversigt.site.Checked;

/** The search stage of the build: documents → Lucene index → files under soeg/. */
public final class SearchIndexWriter {
    private SearchIndexWriter() {}

    public static void write(Checked checked, Path siteOutput) throws IOException {
        write(checked, siteOutput, () -> false);
    }

    /**
     * As {@link #write(Checked, Path)}, given up with {@link SiteIndex.Stopped} soon after
     * {@code stop} says so (the preview stops an index that a newer save has made old).
     */
    public static void write(Checked checked, Path siteOutput, BooleanSupplier stop) throws IOException {
        try (SiteIndex index = SiteIndex.build(SearchDocuments.of(checked), synonyms(checked), stop)) {
            index.checkpoint();
            IndexExport.write(index, siteOutput.resolve("soeg"));
        }
    }

    /** Glossary terms and target groups, each with its title and synonyms. */
    public static Map<String, List<String>> synonyms(Checked checked) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Page p : checked.pages()) {
            if (p.type() != PageType.BEGREB && p.type() != PageType.MAALGRUPPE) continue;
            List<String> names = new ArrayList<>();
            names.add(p.title());
            names.addAll(p.synonyms());
            out.put(p.key(), names);
        }
        return out;
    }
}
