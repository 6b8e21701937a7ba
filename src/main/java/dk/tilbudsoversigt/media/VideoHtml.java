package dk.tilbudsoversigt.media;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

/**
 * A video as the page shows it: a native player with captions for a file of the site, a
 * placeholder that loads nothing for a video on another service (assets/js/video.js swaps in
 * the player when the user presses play), and the transcript below either.
 */
public final class VideoHtml {
    private VideoHtml() {}

    /** A video file of the site; the URLs are as the built site links them. */
    public static Element local(VideoBlock.Video video, String fileUrl, String captionsUrl) {
        Element figure = figure(video);
        String type = video.file().text().toLowerCase(Locale.ROOT).endsWith(".webm") ? "video/webm" : "video/mp4";
        Element player = figure.appendElement("video").attr("controls", true).attr("preload", "metadata");
        player.appendElement("source").attr("src", fileUrl).attr("type", type);
        player.appendElement("track").attr("kind", "captions").attr("src", captionsUrl).attr("srclang", "da")
                .attr("label", "Dansk").attr("default", true);
        player.appendElement("p").appendText("Din browser kan ikke vise videoen. ")
                .appendElement("a").attr("href", fileUrl).text("Hent videoen");
        player.child(2).appendText(".");
        transcript(figure, video.transcript());
        return figure;
    }

    /** A video on another service: nothing in it loads anything from that service. */
    public static Element external(VideoBlock.Video video) {
        VideoHost.External ext = video.external();
        String host = ext.host().label();
        Element figure = figure(video).addClass("video-ekstern")
                .attr("data-video-src", ext.embedUrl()).attr("data-video-host", host);
        Element consent = figure.appendElement("div").addClass("video-samtykke");
        consent.appendElement("p").text("Videoen ligger hos " + host + ". Når du afspiller den, henter din browser den fra " + host
                + ", som kan se din IP-adresse og gemme cookies.");
        consent.appendElement("p").addClass("video-link")
                .appendElement("a").attr("href", ext.pageUrl()).text("Se videoen hos " + host);
        transcript(figure, video.transcript());
        return figure;
    }

    private static Element figure(VideoBlock.Video video) {
        Element figure = new Element("figure").addClass("video");
        figure.appendElement("figcaption").text(video.title().text());
        return figure;
    }

    private static void transcript(Element figure, List<List<String>> paragraphs) {
        Element details = figure.appendElement("details").addClass("video-tekst");
        details.appendElement("summary").text("Læs videoen som tekst");
        for (List<String> lines : paragraphs) {
            Element p = details.appendElement("p");
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) p.appendElement("br");
                p.appendText(lines.get(i));
            }
        }
    }
}
