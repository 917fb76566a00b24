package nl.proeftuin.core.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.proeftuin.core.store.accesslog.AccessLogFilter;
import nl.proeftuin.core.store.accesslog.StoredAccessEntry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The access log's request id (decision 0024): entries written before V16 (some without a request id,
 * as shell and scheduled work write them) keep exactly what they had, V16 indexes the column, and an
 * auditor's query finds the entries of one request by its id. On H2 and on PostgreSQL.
 */
class AccessLogRequestIdTest {
    private static final Instant T0 = Instant.parse("2027-03-12T09:00:00Z");
    private final JdbcAccessLogStore store = new JdbcAccessLogStore();

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:request-id-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        storedAndFoundByRequestId(h2);
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            storedAndFoundByRequestId(postgres.getPostgresDatabase());
        }
    }

    private void storedAndFoundByRequestId(DataSource ds) throws Exception {
        flyway(ds).target("15").load().migrate();
        String before = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection()) {
            store.append(c, entry(1, null));   // a shell command's entry: no request
            store.append(c, entry(2, before)); // an API request's entry, written by 0.1.0
        }

        flyway(ds).load().migrate();

        String request = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection()) {
            assertTrue(hasIndex(c, "access_log_request_ix"), "V16 indexes request_id");
            store.append(c, entry(3, request));
            store.append(c, entry(4, null));
            store.append(c, entry(5, request)); // a request may write more than one entry

            List<StoredAccessEntry> all = store.page(c, 1, 10);
            assertEquals(5, all.size());
            assertNull(all.get(0).requestId(), "an entry without a request id keeps none");
            assertEquals(entry(2, before), all.get(1), "an entry from before V16 reads back as written");
            assertEquals(List.of(entry(3, request), entry(5, request)),
                    store.query(c, filter(request), 100), "the entries of one request, in chain order");
            assertEquals(List.of(entry(2, before)), store.query(c, filter(before), 100));
            assertEquals(List.of(), store.query(c, filter(UUID.randomUUID().toString()), 100));
            assertEquals(5, store.query(c, new AccessLogFilter(null, null, null, null, null, null, null, null), 100).size(),
                    "no request id: every request");
            assertEquals(List.of(entry(5, request)), store.query(c, new AccessLogFilter(null, null, null, null, null, null,
                    null, 3L, request), 100), "with the other criteria");
        }
    }

    private static AccessLogFilter filter(String requestId) {
        return new AccessLogFilter(null, null, null, null, null, null, null, null, requestId);
    }

    private static StoredAccessEntry entry(long seq, String requestId) {
        return new StoredAccessEntry(seq, "00000000-0000-0000-0000-00000000000" + seq, T0.plusSeconds(seq), "node-a",
                "READ", "SUCCESS", "anna", "Anna", "PROFESSIONAL", null, null, null, List.of("p" + seq), "case-1",
                "case", "case-1", requestId, "GET /cases/case-1 -> 200", false, "prev" + seq, "hash" + seq, "mac" + seq);
    }

    private static boolean hasIndex(Connection c, String name) throws Exception {
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "access_log", false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index != null && index.toLowerCase(Locale.ROOT).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure(JdbcDatabase.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration");
    }
}
