package dk.tilbudsoversigt.word;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;

/**
 * Builds nested HTML lists from a run of list paragraphs, each with a level (1 = outermost)
 * and a kind. Word writes lists as flat paragraphs that only say their level (its own list
 * paragraphs on the clipboard, numbering in a .docx); neither jsoup nor flexmark know them.
 */
final class ListNesting {
    private final Element container;
    private final List<Element> open = new ArrayList<>();

    /** @param container the element the outermost list is appended to */
    ListNesting(Element container) {
        this.container = container;
    }

    /** Appends an item and returns its {@code li}, to be filled by the caller. */
    Element add(int level, boolean ordered) {
        // a level may jump (1 to 3) in Word; Markdown nests one level at a time
        int depth = Math.max(1, Math.min(level, open.size() + 1));
        while (open.size() > depth) open.remove(open.size() - 1);
        String tag = ordered ? "ol" : "ul";
        if (open.size() == depth && !open.get(depth - 1).normalName().equals(tag)) {
            Element other = open.remove(depth - 1);
            Element list = new Element(tag);
            other.after(list);
            open.add(list);
        }
        if (open.size() < depth) {
            Element list = new Element(tag);
            if (open.isEmpty()) {
                container.appendChild(list);
            } else {
                Element parent = open.get(open.size() - 1);
                Element last = parent.children().isEmpty() ? parent.appendElement("li") : parent.child(parent.childrenSize() - 1);
                last.appendChild(list);
            }
            open.add(list);
        }
        return open.get(depth - 1).appendElement("li");
    }
}
