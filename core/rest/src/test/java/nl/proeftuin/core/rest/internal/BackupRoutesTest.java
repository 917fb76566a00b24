package nl.proeftuin.core.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.backup.BackupFile;
import nl.proeftuin.core.api.backup.NodeBackup;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /backups}: only the regional administrator granted all municipalities, logged as an
 * export, the answer names the file and its checksum (never its content); bad names 400, PostgreSQL 409.
 * The archive itself is core/engine's (BackupRestoreTest, OperationsIT); here a recording stand-in.
 */
class BackupRoutesTest {
    private TestSecurity security;
    private ApiDispatcher api;
    private final List<String> asked = new ArrayList<>();
    private RuntimeException failure;

    @BeforeEach
    void setUp() {
        InMemoryCore core = new InMemoryCore();
        security = TestSecurity.over(core);
        NodeBackup backup = (file, actor) -> {
            asked.add(file + " by " + actor);
            if (failure != null) {
                throw failure;
            }
            String name = file == null ? "proeftuin-backup-20270312T090000Z.zip" : file;
            return new BackupFile(name, "/srv/data/backups/" + name, 1234, "ab".repeat(32), Instant.parse("2027-03-12T09:00:00Z"),
                    "15", 5, 42);
        };
        api = new ApiDispatcher(new Json(), r -> Reply.ok("health"), () -> core.family, () -> core.cases,
                () -> core.plans, () -> null, () -> null, security.services().with(NodeBackup.class, () -> backup));
    }

    @Test
    void theRegionsAdministratorGetsTheFileNameSizeAndChecksumLoggedAsAnExport() {
        Http created = Http.post("/backups", "{}").as("rik.admin").on(api);
        assertEquals(201, created.status, created.text());
        JsonNode body = created.body();
        assertEquals("proeftuin-backup-20270312T090000Z.zip", body.path("file").asText());
        assertEquals(1234, body.path("size").asLong());
        assertEquals("ab".repeat(32), body.path("sha256").asText());
        assertEquals(List.of("null by rik.admin"), asked);
        AccessEvent logged = security.log.last();
        assertEquals(AccessAction.EXPORT, logged.action());
        assertEquals(AccessEvent.SUCCESS, logged.outcome());

        assertEquals(201, Http.post("/backups", "{\"file\":\"nightly.zip\"}").as("rik.admin").on(api).status);
        assertEquals("nightly.zip by rik.admin", asked.get(1));
    }

    @Test
    void othersAreRefusedAndNothingIsWritten() {
        Http edda = Http.post("/backups", "{}").as("edda.admin").on(api); // administrator of Ede only
        assertEquals(403, edda.status, edda.text());
        assertEquals("other_municipality", edda.body().path("reason").asText());
        assertEquals(403, Http.post("/backups", "{}").as("anna.local").on(api).status);
        assertEquals(403, Http.post("/backups", "{}").as("audrey.audit").on(api).status);
        assertEquals(401, Http.post("/backups", "{}").anonymous().on(api).status);
        assertEquals(List.of(), asked);
    }

    @Test
    void aBadNameIs400AndPostgreSqlIs409() {
        failure = new InvalidInputException("file", "a file name of letters, digits, '.', '_' and '-' ending in .zip");
        Http bad = Http.post("/backups", "{\"file\":\"../x.zip\"}").as("rik.admin").on(api);
        assertEquals(400, bad.status, bad.text());
        assertEquals("file", bad.body().path("field").asText());
        failure = new RuleViolationException("backup-postgresql", "This node runs on PostgreSQL: back up the database with pg_dump");
        Http pg = Http.post("/backups", "{}").as("rik.admin").on(api);
        assertEquals(409, pg.status, pg.text());
        assertEquals("backup-postgresql", pg.body().path("rule").asText());
        assertFalse(pg.text().contains("/srv/data"));
        assertNull(pg.headers.get("Location"));
    }
}
