package dk.tilbudsoversigt.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query a search of whole words stands for, built independently of the browser's
 * code: each word (or synonym of several words) is one required clause; a clause matches
 * through the word's term or its synonym groups' terms, the best counting
 * ({@link DisjunctionMaxQuery}); a term is searched in every field with the field's weight,
 * the fields adding up ({@link BooleanQuery} of SHOULD); the sum is multiplied by the
 * document's prior ({@link FunctionScoreQuery}).
 */
final class LuceneReference {
    private LuceneReference() {}

    /** The clauses of a query: each the list of terms that may satisfy it. */
    static List<List<String>> clauses(SiteIndex index, String query) {
        List<String> words = Analysis.tokens(Analysis.index(null, null), query).stream().map(Analysis.Token::term).toList();
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int length = 0;
            List<String> groups = List.of();
            for (int n = Math.min(index.groups.longest(), words.size() - i); n >= 1; n--) {
                var g = index.groups.groupsOf(words.subList(i, i + n));
                if (!g.isEmpty()) {
                    length = n;
                    groups = List.copyOf(g);
                    break;
                }
            }
            List<String> alternatives = new ArrayList<>();
            if (length <= 1) alternatives.add(words.get(i));
            alternatives.addAll(groups);
            out.add(alternatives);
            if (length > 1) i += length - 1;
        }
        return out;
    }

    static Query query(List<List<String>> clauses, boolean all) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (List<String> alternatives : clauses) {
            List<Query> options = alternatives.stream().map(LuceneReference::inEveryField).toList();
            Query clause = options.size() == 1 ? options.get(0) : new DisjunctionMaxQuery(options, 0f);
            query.add(clause, all ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        }
        return FunctionScoreQuery.boostByValue(query.build(), DoubleValuesSource.fromDoubleField(SiteIndex.PRIOR));
    }

    private static Query inEveryField(String term) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Fields f : Fields.ALL) {
            b.add(new BoostQuery(new TermQuery(new Term(f.field(), term)), f.weight()), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }
}
