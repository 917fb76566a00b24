import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load while swapping: CLIENTS concurrent clients each open a case and triage it, in a loop, first
 * for WARMUP seconds as warm-up (not counted; on 2 cores the JIT needs 30-40 s of load: after a 20 s
 * warm-up the baseline ran partly cold), then
 * SECONDS without binding changes (baseline), then SECONDS while the region's triage
 * binding flips FLIPS times between two plugins. Prints failed requests, the time from a binding
 * change returning to the first triage served by the new plugin (p50, p99), and throughput in both
 * phases. Run by bench/binding-flip.sh (java FlipBench.java BASE_URL PLUGIN_A PLUGIN_B); JDK only.
 */
public class FlipBench {
    static final int CLIENTS = Integer.getInteger("clients", 50);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    static final int WARMUP = Integer.getInteger("warmup", 40);
    static final int FLIPS = Integer.getInteger("flips", 100);
    /** The bench user's session (bench/lib.sh logs in): professional and coordinator. */
    static final String TOKEN = System.getProperty("token", "");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern PLUGIN = Pattern.compile("\"pluginId\":\"([^\"]+)\"");

    /** A triage (start, end) and how long opening its case took before it (-1 when the opening failed). */
    record Done(long start, long end, String plugin, boolean ok, String error, long opening) {
    }

    record Flip(long sent, long returned, String plugin) {
    }

    static HttpClient http;
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String a = args[1];
        String b = args[2];
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        bind(a);

        load(null, a, b, WARMUP); // warm-up (JIT, pools), not counted
        Phase withoutFlips = load(null, a, b, SECONDS);
        List<Done> baseline = withoutFlips.done();
        List<Flip> flips = Collections.synchronizedList(new ArrayList<>());
        Phase withFlips = load(flips, a, b, SECONDS);
        List<Done> flipping = withFlips.done();

        report("without flipping", withoutFlips);
        report("while flipping", withFlips);
        System.out.printf("binding changes made: %d%n", flips.size());
        List<Long> lags = new ArrayList<>();
        int neverSeen = 0;
        for (int i = 0; i < flips.size(); i++) {
            Flip f = flips.get(i);
            long next = i + 1 < flips.size() ? flips.get(i + 1).returned : Long.MAX_VALUE;
            long first = Long.MAX_VALUE;
            for (Done d : flipping) {
                if (d.ok && f.plugin.equals(d.plugin) && d.end >= f.returned && d.end < next) {
                    first = Math.min(first, d.end);
                }
            }
            if (first == Long.MAX_VALUE) {
                neverSeen++;
            } else {
                lags.add(first - f.returned);
            }
        }
        Collections.sort(lags);
        System.out.printf("change -> first request served by the new plugin: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                + " (%d changes measured, %d superseded before a request finished)%n",
                pct(lags, 50) / 1e6, pct(lags, 99) / 1e6, lags.isEmpty() ? 0 : lags.get(lags.size() - 1) / 1e6,
                lags.size(), neverSeen);
        long stale = 0;
        for (int i = 0; i < flips.size(); i++) {
            Flip f = flips.get(i);
            for (Done d : flipping) {
                // a request that STARTED after a change returned, and ended before the next change
                // was even sent, must be served by the plugin of that change
                long next = i + 1 < flips.size() ? flips.get(i + 1).sent : Long.MAX_VALUE;
                if (d.ok && d.start > f.returned && d.end < next && !f.plugin.equals(d.plugin)) {
                    stale++;
                }
            }
        }
        System.out.printf("requests started after a change but served by the previous plugin: %d%n", stale);
        long failed = baseline.stream().filter(d -> !d.ok).count() + flipping.stream().filter(d -> !d.ok).count();
        if (failed > 0 || stale > 0 || baseline.isEmpty() || lags.isEmpty()) {
            // a bench that measured nothing must not look like one that passed
            System.out.printf("FAIL: %d failed, %d stale, %d triages without flipping, %d changes measured%n",
                    failed, stale, baseline.size(), lags.size());
            System.exit(1);
        }
    }

    /**
     * A new child every {@value #CASES_PER_PERSON} openings: every case names a person already in the client's
     * earlier cases, so each opening is a separate case (with a reason) beside at most that many open cases, as
     * in a region; one child named by every signal piled its open cases into each new one.
     */
    static final int CASES_PER_PERSON = 20;

    static String newPerson() throws Exception {
        return match(ID, post("/persons", "{\"givenName\":\"Bo\",\"familyName\":\"Flip\",\"dateOfBirth\":\"2015-01-01\"}")
                .body());
    }

    /** What a phase's clients did, and how long the phase ran from its start until its clients stopped. */
    record Phase(List<Done> done, long nanos) {
    }

    static Phase load(List<Flip> flips, String a, String b, int seconds) throws Exception {
        long begin = System.nanoTime();
        ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        String signal = "{\"kind\":\"SIGNAL\",\"source\":\"POLICE\",\"description\":\"Bench\",\"receivedOn\":\""
                + LocalDate.now() + "\",\"municipality\":\"Arnhem\",\"members\":[{\"personId\":\"%s\",\"roles\":[\"CHILD\"]}]}";
        String facts = "{\"problemDomains\":[\"SAFETY\",\"HOUSING\"],\"safetyConcern\":\"SERIOUS\","
                + "\"repeatedViolence\":false,\"earlierHelpWithoutResult\":false,\"parentalProblems\":[]}";
        for (int c = 0; c < CLIENTS; c++) {
            Thread t = new Thread(() -> {
                String person = null;
                int openings = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        if (openings++ % CASES_PER_PERSON == 0) {
                            person = newPerson();
                            start = System.nanoTime();
                        }
                        HttpResponse<String> opened = post("/cases?separateCaseReason=bench", signal.formatted(person));
                        if (opened.statusCode() != 201) {
                            done.add(new Done(start, System.nanoTime(), null, false, "open " + opened.statusCode() + " " + opened.body(), -1));
                            continue;
                        }
                        long triageStart = System.nanoTime();
                        HttpResponse<String> triaged = post("/cases/" + match(ID, opened.body()) + "/triage", facts);
                        boolean ok = triaged.statusCode() == 201 && !triaged.body().contains("\"fallback\":true");
                        done.add(new Done(triageStart, System.nanoTime(), ok ? match(PLUGIN, triaged.body()) : null, ok,
                                ok ? null : "triage " + triaged.statusCode() + " " + triaged.body(), triageStart - start));
                    } catch (Exception e) {
                        done.add(new Done(start, System.nanoTime(), null, false, e.toString(), -1));
                    }
                }
                finished.countDown();
            });
            t.setDaemon(true);
            t.start();
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        if (flips != null) {
            // at fixed times from the phase's start: a wait after each change's answer made the phase run
            // FLIPS times the change's own time longer than SECONDS (about 30 s instead of 20 under load),
            // while its throughput was counted over SECONDS
            long first = System.nanoTime();
            long interval = seconds * 1_000_000_000L / (FLIPS + 1);
            for (int i = 1; i <= FLIPS; i++) {
                long at = first + i * interval;
                while (System.nanoTime() < at) {
                    Thread.sleep(1);
                }
                String plugin = i % 2 == 1 ? b : a;
                long sent = System.nanoTime();
                bind(plugin);
                flips.add(new Flip(sent, System.nanoTime(), plugin));
            }
        }
        while (System.nanoTime() < end) {
            Thread.sleep(10);
        }
        stop.set(true);
        finished.await();
        long nanos = System.nanoTime() - begin;
        if (flips != null) {
            bind(a);
        }
        return new Phase(new ArrayList<>(done), nanos);
    }

    /** Throughput over the phase's measured length (its clients' last requests included), not over SECONDS. */
    static void report(String phase, Phase measured) {
        List<Done> done = measured.done();
        double seconds = measured.nanos() / 1e9;
        long ok = done.stream().filter(Done::ok).count();
        long failed = done.size() - ok;
        // each client opens a case before it triages it: the loop's rate is the clients over both
        List<Long> lat = new ArrayList<>();
        List<Long> opening = new ArrayList<>();
        done.stream().filter(Done::ok).forEach(d -> {
            lat.add(d.end - d.start);
            opening.add(d.opening);
        });
        Collections.sort(lat);
        Collections.sort(opening);
        System.out.printf("%-17s triages ok %6d  failed %4d  throughput %7.1f triages/s  triage p50 %6.1f ms  p99 %6.1f ms"
                + "  opening before it p50 %6.1f ms  p99 %6.1f ms  (%.1f s)%n", phase, ok, failed, ok / seconds,
                pct(lat, 50) / 1e6, pct(lat, 99) / 1e6, pct(opening, 50) / 1e6, pct(opening, 99) / 1e6, seconds);
        done.stream().filter(d -> !d.ok).limit(3).forEach(d -> System.out.println("   failure: " + d.error));
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void bind(String plugin) throws Exception {
        HttpResponse<String> r = send("PUT", "/bindings/TRIAGE/region",
                "{\"pluginId\":\"" + plugin + "\",\"configuration\":{},\"reason\":\"benchmark flip\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("bind " + plugin + ": " + r.statusCode() + " " + r.body());
        }
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + s);
        }
        return m.group(1);
    }
}
