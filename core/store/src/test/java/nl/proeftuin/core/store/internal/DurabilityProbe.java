package nl.proeftuin.core.store.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.h2.util.OsgiDataSourceFactory;

/**
 * Child process for {@link DurabilityTest}: opens the database through {@link JdbcDatabase} (so the
 * real migrations run), then inserts row 0, 1, 2, ... each in its own transaction and prints
 * {@code ACK i} after each commit has returned, until it is killed. Exits by itself after a bounded
 * time so that it can never outlive a broken test for long.
 *
 * <p>Arguments: the JDBC URL, the user, and optionally the number of writers at once (ids {@code w},
 * {@code w + n}, ... each; ACKs then come in any order) and {@code read} to insert through {@code read()}
 * with auto-commit instead of {@code inTransaction}.
 */
public final class DurabilityProbe {

    /** Upper bound on the probe's life if nobody kills it. */
    private static final long MAX_LIFE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private DurabilityProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "";
        // Raw stdout: each line goes out in one write(2), whole, the moment it is written.
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        long deadline = System.nanoTime() + MAX_LIFE_NANOS;

        JdbcDatabase db = new JdbcDatabase(new JdbcDatabase.Settings(url, user, "", 2, 10_000),
                new OsgiDataSourceFactory(new org.h2.Driver()));
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS durability_probe (id INT NOT NULL PRIMARY KEY)");
            }
            return null;
        });
        out.write("READY\n".getBytes(StandardCharsets.US_ASCII));

        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean throughRead = args.length > 3 && args[3].equals("read");
        if (writers == 1) {
            for (int i = 0; System.nanoTime() < deadline; i++) {
                insert(db, i, throughRead);
                // Only now, after inTransaction returned (the commit is acknowledged), tell the parent.
                out.write(("ACK " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            // Decision 0056: writers at once, whose commits the group commit stores together
            Thread[] threads = new Thread[writers];
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads[w] = new Thread(() -> {
                    try {
                        for (int i = writer; System.nanoTime() < deadline; i += writers) {
                            insert(db, i, throughRead);
                            synchronized (out) {
                                out.write(("ACK " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                });
                threads[w].start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        db.close();
        System.exit(3); // never killed: the parent will notice the exit code
    }

    private static void insert(JdbcDatabase db, int id, boolean throughRead) throws java.sql.SQLException {
        nl.proeftuin.core.store.Database.SqlWork<Integer> work = c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO durability_probe (id) VALUES (?)")) {
                ps.setInt(1, id);
                return ps.executeUpdate();
            }
        };
        if (throughRead) {
            db.read(work);
        } else {
            db.inTransaction(work);
        }
    }
}
