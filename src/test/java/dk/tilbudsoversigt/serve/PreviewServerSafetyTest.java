package dk.tilbudsoversigt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.tilbudsoversigt.Trees;

/**
 * The preview server as an attacker on the network or a busy editor would meet it: it
 * listens on 127.0.0.1 only, serves nothing outside the built site however the path is
 * written, and keeps answering every request while the site is rebuilt under it.
 */
class PreviewServerSafetyTest {
    private static final String BASE = "/sti/handicap";
    private static final String SECRET = "HEMMELIGT-INDHOLD";

    @TempDir
    Path temp;
    Path site;
    PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        site = Trees.copy(Trees.fixture("fixture-site"), temp.resolve("site"));
        Files.writeString(temp.resolve("hemmelig.txt"), SECRET);
        server = new PreviewServer(site, 0);
        assertEquals(List.of(), server.errors());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws Exception {
        try (Socket ok = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertTrue(ok.isConnected());
        }
        List<InetAddress> others = new ArrayList<>();
        // on Linux all of 127/8 is this machine: a server bound to the wildcard answers 127.0.0.2 too
        others.add(InetAddress.getByName("127.0.0.2"));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) others.add(a);
            }
        }
        for (InetAddress other : others) {
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other, server.port()), 2000);
                }
            }, "the preview must not answer on " + other.getHostAddress());
        }
    }

    @Test
    void servesNothingOutsideTheBuiltSiteHoweverThePathIsWritten() throws Exception {
        Files.createSymbolicLink(server.output().resolve("link.txt"), temp.resolve("hemmelig.txt"));
        Files.createSymbolicLink(server.output().resolve("linkmappe"), temp);
        List<String> attempts = List.of(
                BASE + "/../site.properties", BASE + "/../../hemmelig.txt", BASE + "/%2e%2e/%2e%2e/hemmelig.txt",
                BASE + "/%2E%2E/%2E%2E/hemmelig.txt", BASE + "/..%2f..%2fhemmelig.txt", BASE + "/%2e%2e%2f%2e%2e%2fhemmelig.txt",
                BASE + "/..\\..\\hemmelig.txt", BASE + "/..%5c..%5chemmelig.txt", BASE + "/.%2e/.%2e/hemmelig.txt",
                BASE + "//etc/passwd", BASE + "/%2fetc%2fpasswd", BASE + "/" + temp.resolve("hemmelig.txt"),
                "/etc/passwd", "//etc/passwd", "/../../../../etc/passwd", BASE + "/../../../../../../../etc/passwd",
                BASE + "/link.txt", BASE + "/linkmappe/hemmelig.txt", BASE + "/%00", BASE + "/index.html%00.txt",
                "http://127.0.0.1/../../etc/passwd", "http://127.0.0.1:" + server.port() + BASE + "/../../hemmelig.txt");
        for (String target : attempts) {
            String response = rawGet(target);
            String status = response.isEmpty() ? "" : response.substring(0, response.indexOf("\r\n"));
            assertTrue(status.matches("HTTP/1\\.1 (302|400|404) .*"), target + " → " + status);
            assertFalse(response.contains(SECRET), target + " leaked the file beside the site");
            assertFalse(response.contains("site.title="), target + " leaked site.properties");
            assertFalse(response.contains("root:"), target + " leaked /etc/passwd");
        }
        assertTrue(rawGet(BASE + "/tilbud/fritidsklub/").startsWith("HTTP/1.1 200 "), "the site itself is served");
    }

    /** Sends the request line exactly as written, without a client that would tidy the path first. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void answersAThousandRequestsFromFiftyClientsWhileTheSiteIsRebuiltUnderIt() throws Exception {
        Path page = site.resolve("content/tilbud/fritidsklub.md");
        String original = Files.readString(page);
        String css = BASE + "/" + PreviewServerTest.get("http://127.0.0.1:" + server.port() + BASE + "/").body()
                .replaceAll("(?s).*href=\"" + BASE + "/(css/site\\.[0-9a-f]+\\.css)\".*", "$1");
        List<String> paths = List.of("/", "/tilbud/", "/tilbud/fritidsklub/", "/tilbud/aflastning/", "/soeg/indeks.json",
                "/nyheder/feed.xml", "/findes-ikke/", css.substring(BASE.length()));

        AtomicBoolean clientsDone = new AtomicBoolean();
        AtomicInteger saves = new AtomicInteger();
        Thread editor = new Thread(() -> {
            // saves the page over and over: two valid versions and, every third save, a broken one
            for (int i = 0; !clientsDone.get(); i++) {
                String text = i % 3 == 2 ? original.replace("referral_required: false", "referral_required: maaske")
                        : original.replace("Kom og vær med.", "Version " + (i % 2) + ".");
                try {
                    Files.writeString(page, text);
                    saves.incrementAndGet();
                    Thread.sleep(40);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "editor");
        editor.start();

        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                // at least 1,000 requests in all, and on until the rebuilt page has been seen in both versions
                for (int n = 0; sent.get() < 1000 || (versionsSeen.size() < 2 && sent.get() < 20_000); n++) {
                    sent.incrementAndGet();
                    String path = BASE + paths.get((client + n) % paths.size());
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                        statuses.add(r.statusCode());
                        if (!Set.of(200, 404, 500).contains(r.statusCode()) || r.body().isEmpty()) {
                            failures.add(path + " → " + r.statusCode() + " with " + r.body().length() + " characters");
                        }
                        if (r.body().contains("Version 0.")) versionsSeen.add("0");
                        if (r.body().contains("Version 1.")) versionsSeen.add("1");
                    } catch (IOException e) {
                        failures.add(path + " → " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : running) f.get(5, TimeUnit.MINUTES);
        clientsDone.set(true);
        editor.join();
        clients.shutdown();

        System.out.println("Preview under load: " + sent.get() + " requests from 50 clients, statuses " + statuses + ", "
                + saves.get() + " saves of the page while they ran");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " requests failed");
        assertTrue(sent.get() >= 1000, "requests sent: " + sent.get());
        assertEquals(Set.of("0", "1"), versionsSeen, "the site was rebuilt while the clients were asking (" + saves.get() + " saves)");
        assertTrue(statuses.contains(200) && statuses.contains(404), "statuses seen: " + statuses);

        Files.writeString(page, original);
        HttpResponse<String> after = PreviewServerTest.await("http://127.0.0.1:" + server.port() + BASE + "/tilbud/fritidsklub/",
                r -> r.statusCode() == 200 && r.body().contains("Kom og vær med."));
        assertEquals(200, after.statusCode(), "still answering afterwards");
        assertTrue(after.body().contains("Kom og vær med."));
    }
}
