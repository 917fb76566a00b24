package nl.proeftuin.itests;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one embedded PostgreSQL in the test JVM (no Docker), stopped when the JVM exits.
 *
 * <p>Kept out of the test classes on purpose: JUnit reflects over a test class's fields inside the
 * Karaf container, where the embedded PostgreSQL classes do not exist; this class is only ever
 * loaded in the test JVM, from a {@code @Configuration} method.
 */
final class EmbeddedPostgresFixture {
    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresFixture() {
    }

    private static int databases;

    /**
     * Points the distribution's database at a new database of the embedded PostgreSQL ({@link #start()}),
     * as a region configures production.
     *
     * @return {@code options}, with the database configuration added
     */
    static java.util.List<org.ops4j.pax.exam.Option> onPostgres(java.util.List<org.ops4j.pax.exam.Option> options)
            throws IOException {
        String pid = "etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg";
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(pid, "url", start()));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(pid,
                "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)"));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(pid, "user", "postgres"));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(pid, ".password",
                "postgres"));
        return options;
    }

    /**
     * @return the JDBC URL of a new, empty database of the running instance (user and password
     *         {@code postgres}): each test class installs its own platform, with its own BSN and
     *         access-log keys, which a database another installation wrote would refuse (region_key)
     */
    static synchronized String start() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresFixture::stop));
        }
        String name = "proeftuin_it_" + (++databases);
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
        }
    }
}
