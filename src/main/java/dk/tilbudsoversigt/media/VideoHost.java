package dk.tilbudsoversigt.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The video services municipalities use, and how a link to a video on one of them becomes
 * the address its player is framed from. Nothing is fetched from a host before the user asks.
 */
public enum VideoHost {
    YOUTUBE("YouTube"),
    VIMEO("Vimeo"),
    TWENTYTHREE("TwentyThree"),
    DREAMBROKER("Dream Broker");

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?");
    private static final Pattern VIMEO_PATH = Pattern.compile("/(?:video/)?(\\d+)(?:/([0-9a-f]+))?/?");
    private static final Pattern TWENTYTHREE_SHARE = Pattern.compile("/video/(\\d+)(?:/.*)?");
    private static final Pattern DREAMBROKER_PATH = Pattern.compile("/channel/([a-z0-9]+)/(?:iframe/)?([a-z0-9]+)/?");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final String label;

    VideoHost(String label) {
        this.label = label;
    }

    /** The name users know the service by, as the play button says it. */
    public String label() {
        return label;
    }

    /**
     * A video on one of the services.
     *
     * @param embedUrl    what the player frame loads, after the click
     * @param pageUrl     the video's own page on the service, for use without JavaScript
     * @param frameOrigin the origin the Content-Security-Policy must let frames come from
     */
    public record External(VideoHost host, String embedUrl, String pageUrl, String frameOrigin) {}

    /** The video {@code url} points at, or null when it is not a video on one of the services. */
    public static External recognise(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null || uri.getPort() != -1
                || uri.getRawUserInfo() != null || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(host).matches()) return null;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return switch (host) {
            case "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com" ->
                    youtube(host, path, query);
            case "vimeo.com", "www.vimeo.com", "player.vimeo.com" -> vimeo(path, query);
            case "dreambroker.com", "www.dreambroker.com" -> dreambroker(path);
            default -> twentythree(host, path, query);
        };
    }

    private static External youtube(String host, String path, String query) {
        String id = null;
        if (host.equals("youtu.be")) {
            String p = path.replaceAll("^/|/$", "");
            if (YOUTUBE_ID.matcher(p).matches()) id = p;
        } else if (path.equals("/watch")) {
            String v = parameter(query, "v");
            if (v != null && YOUTUBE_ID.matcher(v).matches()) id = v;
        } else {
            Matcher m = YOUTUBE_PATH.matcher(path);
            if (m.matches()) id = m.group(1);
        }
        if (id == null) return null;
        return new External(YOUTUBE, "https://www.youtube-nocookie.com/embed/" + id, "https://www.youtube.com/watch?v=" + id,
                "https://www.youtube-nocookie.com");
    }

    private static External vimeo(String path, String query) {
        Matcher m = VIMEO_PATH.matcher(path);
        if (!m.matches()) return null;
        String id = m.group(1);
        String hash = m.group(2) != null ? m.group(2) : parameter(query, "h");
        if (hash != null && !hash.matches("[0-9a-f]+")) return null;
        return new External(VIMEO, "https://player.vimeo.com/video/" + id + "?dnt=1" + (hash == null ? "" : "&h=" + hash),
                "https://vimeo.com/" + id + (hash == null ? "" : "/" + hash), "https://player.vimeo.com");
    }

    private static External dreambroker(String path) {
        Matcher m = DREAMBROKER_PATH.matcher(path);
        if (!m.matches()) return null;
        String channel = "https://www.dreambroker.com/channel/" + m.group(1) + "/";
        return new External(DREAMBROKER, channel + "iframe/" + m.group(2), channel + m.group(2), "https://www.dreambroker.com");
    }

    /**
     * TwentyThree is white-label: a municipality's videos live on its own domain. Its player
     * address says it is TwentyThree on any domain; its share links only on TwentyThree's own.
     */
    private static External twentythree(String host, String path, String query) {
        String origin = "https://" + host;
        String id = null;
        String token = null;
        if (path.equals("/v.ihtml/player.html")) {
            id = parameter(query, "photo_id");
            token = parameter(query, "token");
        } else if (host.endsWith(".23video.com") || host.endsWith(".twentythree.net") || host.endsWith(".twentythree.com")) {
            Matcher m = TWENTYTHREE_SHARE.matcher(path);
            if (m.matches()) id = m.group(1);
        }
        if (id == null || !id.matches("\\d+") || (token != null && !token.matches("[A-Za-z0-9]+"))) return null;
        String player = origin + "/v.ihtml/player.html?source=embed&photo%5fid=" + id + (token == null ? "" : "&token=" + token);
        return new External(TWENTYTHREE, player, path.equals("/v.ihtml/player.html") ? player : origin + path, origin);
    }

    /** A query parameter's value, with {@code %5f} read as {@code _} in its name as TwentyThree writes it. */
    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            if (pair.substring(0, eq).replaceAll("(?i)%5f", "_").equals(name)) return pair.substring(eq + 1);
        }
        return null;
    }
}
