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
 * <p>Arguments: the JDBC URL, the user.
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

        for (int i = 0; System.nanoTime() < deadline; i++) {
            int id = i;
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO durability_probe (id) VALUES (?)")) {
                    ps.setInt(1, id);
                    return ps.executeUpdate();
                }
            });
            // Only now, after inTransaction returned (the commit is acknowledged), tell the parent.
            out.write(("ACK " + id + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        db.close();
        System.exit(3); // never killed: the parent will notice the exit code
    }
}
