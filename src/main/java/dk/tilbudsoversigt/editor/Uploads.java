package dk.tilbudsoversigt.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What an uploaded file must be: one of a few kinds of image, document, video and subtitles,
 * whose bytes are what its name says; never anything a browser would run.
 */
final class Uploads {
    /** Allowed extensions and what the file is, in Danish. */
    static final Map<String, String> KINDS = new TreeMap<>(Map.ofEntries(
            Map.entry("png", "PNG-billede"), Map.entry("jpg", "JPEG-billede"), Map.entry("jpeg", "JPEG-billede"),
            Map.entry("gif", "GIF-billede"), Map.entry("webp", "WebP-billede"), Map.entry("svg", "SVG-tegning"),
            Map.entry("pdf", "PDF-dokument"), Map.entry("docx", "Word-dokument"), Map.entry("mp4", "MP4-video"),
            Map.entry("webm", "WebM-video"), Map.entry("vtt", "undertekster (WebVTT)")));
    private static final Set<String> RUNNABLE = Set.of("html", "htm", "xhtml", "shtml", "xht", "js", "mjs", "php", "phtml",
            "asp", "aspx", "jsp", "cgi", "pl", "py", "sh", "bat", "cmd", "exe", "com", "msi", "dll", "scr", "jar", "ps1", "vbs", "hta", "swf");
    private static final Set<String> SVG_FORBIDDEN = Set.of("script", "foreignobject", "iframe", "embed", "object", "handler",
            "listener", "audio", "video", "animate", "set", "animatemotion", "animatetransform", "style", "a");
    private static final Pattern CSS_URL = Pattern.compile("(?i)url\\s*\\(\\s*['\"]?\\s*([^)'\"\\s]*)");
    private static final Pattern CSS_OTHER = Pattern.compile("(?i)@import|expression\\s*\\(|\\\\");

    private Uploads() {}

    static void check(String name, String extension, byte[] bytes) {
        if (RUNNABLE.contains(extension)) {
            throw new RefusedPath(name + " kan ikke lægges op: filer af typen ." + extension
                    + " kan køre kode på sitet. Tilladt er " + String.join(", ", KINDS.keySet()));
        }
        String kind = KINDS.get(extension);
        if (kind == null) {
            throw new RefusedPath(name + " kan ikke lægges op: " + (extension.isEmpty() ? "filen har ingen filtype" : "filtypen ." + extension + " er ikke tilladt")
                    + ". Tilladt er " + String.join(", ", KINDS.keySet()));
        }
        if (bytes.length == 0) throw new RefusedPath(name + " er tom");
        boolean matches = switch (extension) {
            case "png" -> starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "jpg", "jpeg" -> starts(bytes, 0, 0xFF, 0xD8, 0xFF);
            case "gif" -> starts(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(bytes, 0, 'G', 'I', 'F', '8', '9', 'a');
            case "webp" -> starts(bytes, 0, 'R', 'I', 'F', 'F') && starts(bytes, 8, 'W', 'E', 'B', 'P');
            case "pdf" -> starts(bytes, 0, '%', 'P', 'D', 'F', '-');
            case "docx" -> isWordDocument(bytes);
            case "mp4" -> starts(bytes, 4, 'f', 't', 'y', 'p');
            case "webm" -> starts(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3) && contains(bytes, "webm", 64);
            case "vtt" -> isSubtitles(bytes);
            case "svg" -> true; // checked as XML below
            default -> false;
        };
        if (!matches) {
            throw new RefusedPath(name + " er ikke et " + kind + ", som navnet siger; gem filen i det rigtige format og prøv igen");
        }
        if (extension.equals("svg")) checkSvg(name, bytes);
    }

    private static boolean starts(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }

    private static boolean contains(byte[] bytes, String ascii, int within) {
        String head = new String(bytes, 0, Math.min(bytes.length, within), StandardCharsets.ISO_8859_1);
        return head.contains(ascii);
    }

    /** A zip that holds word/document.xml, as every .docx does. */
    private static boolean isWordDocument(byte[] bytes) {
        if (!starts(bytes, 0, 'P', 'K', 3, 4)) return false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static boolean isSubtitles(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text.startsWith("WEBVTT") && (text.length() == 6 || " \t\r\n".indexOf(text.charAt(6)) >= 0)
                && !text.toLowerCase(Locale.ROOT).contains("<script");
    }

    /** An SVG is a drawing only: no script, no event handlers, no foreign content, nothing fetched from elsewhere. */
    private static void checkSvg(String name, byte[] bytes) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            root = b.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new RefusedPath(name + " kan ikke læses som en SVG-tegning (den er ikke gyldig XML, eller den har en DOCTYPE)");
        }
        if (!"svg".equals(root.getLocalName()) || !"http://www.w3.org/2000/svg".equals(root.getNamespaceURI())) {
            throw new RefusedPath(name + " er ikke en SVG-tegning");
        }
        checkNode(name, root.getOwnerDocument());
    }

    private static void checkNode(String name, Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.PROCESSING_INSTRUCTION_NODE -> throw refusedSvg(name, "en behandlingsinstruktion (<?" + child.getNodeName() + " ...?>)");
                case Node.ELEMENT_NODE -> {
                    Element e = (Element) child;
                    String local = (e.getLocalName() == null ? e.getNodeName() : e.getLocalName()).toLowerCase(Locale.ROOT);
                    if (!"http://www.w3.org/2000/svg".equals(e.getNamespaceURI())) {
                        throw refusedSvg(name, "indhold, der ikke er SVG (<" + e.getNodeName() + ">)");
                    }
                    if (SVG_FORBIDDEN.contains(local)) throw refusedSvg(name, "elementet <" + e.getNodeName() + ">");
                    NamedNodeMap attrs = e.getAttributes();
                    for (int i = 0; i < attrs.getLength(); i++) checkAttribute(name, (Attr) attrs.item(i));
                    checkNode(name, e);
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> { }
                case Node.COMMENT_NODE -> { }
                default -> throw refusedSvg(name, "indhold af typen " + child.getNodeName());
            }
        }
    }

    private static void checkAttribute(String name, Attr a) {
        String local = (a.getLocalName() == null ? a.getName() : a.getLocalName()).toLowerCase(Locale.ROOT);
        String value = a.getValue().strip();
        if (local.startsWith("on")) throw refusedSvg(name, "hændelsen " + a.getName() + "= (den kører kode)");
        if (List.of("href", "src").contains(local) && !value.startsWith("#")) {
            throw refusedSvg(name, "en henvisning til noget uden for tegningen (" + a.getName() + "=\"" + value + "\")");
        }
        var urls = CSS_URL.matcher(value);
        while (urls.find()) {
            if (!urls.group(1).startsWith("#")) throw refusedSvg(name, "en henvisning i " + a.getName() + "=\"...\" til noget uden for tegningen");
        }
        if (CSS_OTHER.matcher(value).find()) throw refusedSvg(name, "CSS i " + a.getName() + "=\"...\", der kan hente indhold andre steder fra");
    }

    private static RefusedPath refusedSvg(String name, String what) {
        return new RefusedPath(name + " kan ikke lægges op: SVG-tegningen indeholder " + what
                + ". En tegning må ikke køre kode eller hente indhold andre steder fra; gem den som PNG, eller fjern det");
    }
}
