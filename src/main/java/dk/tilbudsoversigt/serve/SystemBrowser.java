package dk.tilbudsoversigt.serve;

import java.awt.Desktop;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens an address in the system's browser: java.awt.Desktop where it works, else the system's own command. */
public final class SystemBrowser {
    private SystemBrowser() {}

    /** @return false when no browser could be started; the caller prints the address instead */
    public static boolean open(String url) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return true;
            }
        } catch (Exception | LinkageError e) {
            // no desktop here: try the system's command
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
