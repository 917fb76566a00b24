package nl.proeftuin.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import nl.proeftuin.core.security.BreakGlassGrant;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.testing.TestClock;
import nl.proeftuin.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Break-glass grants on the real schema (H2): one found by id, with its case, for the review route's scope. */
class JdbcBreakGlassTest {
    private static final Principal BRAM = new Principal("bram", "Bram", Set.of(Role.PROFESSIONAL), Set.of("*"), "RVT");
    private static final Principal AUDREY = new Principal("audrey", "Audrey", Set.of(Role.AUDITOR), Set.of("*"), "Regio");

    @TempDir
    Path dir;
    private Database database;
    private final TestClock clock = new TestClock();
    private JdbcBreakGlass breakGlass;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabases.h2(dir);
        breakGlass = new JdbcBreakGlass(database, new nl.proeftuin.core.store.internal.JdbcBreakGlassStore(),
                new nl.proeftuin.core.store.internal.JdbcVisibilityStore(), Duration.ofMinutes(60), clock);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.close(database);
    }

    @Test
    void aGrantIsFoundByIdWithItsCaseReviewedOrNot() throws Exception {
        String kase = UUID.randomUUID().toString();
        sql("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source,"
                + " signal_description, signal_received_on, phase, framework, opened_at, opened_by)"
                + " VALUES (?, 1, 'Arnhem', 'OPEN', 'SIGNAL', 'SCHOOL', 'zorgen', ?, 'ACUTE_SAFETY', 'VOLUNTARY', ?, 'anna')",
                kase, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate(), clock.instant().atOffset(ZoneOffset.UTC));
        BreakGlassGrant granted = breakGlass.open(BRAM, kase, "acuut gevaar, casushouder onbereikbaar");
        BreakGlassGrant found = breakGlass.grant(granted.id()).orElseThrow();
        assertEquals(kase, found.caseId());
        assertEquals("bram", found.userId());
        breakGlass.review(AUDREY, granted.id());
        assertNotNull(breakGlass.grant(granted.id()).orElseThrow().reviewedAt(), "a reviewed grant is found too");
        assertTrue(breakGlass.grant("no-such-grant").isEmpty());
        assertTrue(breakGlass.grant(null).isEmpty());
    }

    /**
     * A reviewer limited to Arnhem gets the grants on Arnhem's cases however many newer grants other
     * municipalities have (the list used to be the region's newest 1,000, filtered afterwards), and those on
     * a case elsewhere they are assigned to; one with all municipalities gets every grant.
     */
    @Test
    void aReviewerLimitedToMunicipalitiesGetsTheGrantsOnTheirCasesBeforeTheLimit() throws Exception {
        String arnhem = kase("Arnhem");
        String ede = kase("Ede");
        String assigned = kase("Nijmegen");
        sql("INSERT INTO assignment (id, case_id, professional_id, professional_name, organisation, professional_role,"
                + " casusregie, since_date) VALUES (?, ?, 'rita', 'Rita', 'Regio', 'FIXED_PROFESSIONAL', FALSE, ?)",
                UUID.randomUUID().toString(), assigned, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate());
        BreakGlassGrant onArnhem = breakGlass.open(BRAM, arnhem, "acuut");
        clock.advance(Duration.ofMinutes(1));
        BreakGlassGrant onAssigned = breakGlass.open(BRAM, assigned, "acuut");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            breakGlass.open(BRAM, ede, "acuut " + i);
        }
        Principal rita = new Principal("rita", "Rita", Set.of(Role.AUDITOR), Set.of("ARNHEM"), "Regio");

        assertEquals(java.util.List.of(onAssigned.id(), onArnhem.id()),
                breakGlass.grants(rita, false, 3).stream().map(BreakGlassGrant::id).toList());
        assertEquals(java.util.List.of(onAssigned.id()),
                breakGlass.grants(rita, false, 1).stream().map(BreakGlassGrant::id).toList());
        breakGlass.review(AUDREY, onAssigned.id());
        assertEquals(java.util.List.of(onArnhem.id()),
                breakGlass.grants(rita, true, 3).stream().map(BreakGlassGrant::id).toList(), "only the unreviewed");
        assertEquals(3, breakGlass.grants(AUDREY, false, 3).size(), "all municipalities: the region's newest");
        assertEquals(7, breakGlass.grants(AUDREY, false, 100).size());
        assertTrue(breakGlass.grants(new Principal("nora", "Nora", Set.of(Role.AUDITOR), Set.of(), "Regio"), false, 100)
                .isEmpty(), "no municipality, no grant");
    }

    private String kase(String municipality) throws Exception {
        String kase = UUID.randomUUID().toString();
        sql("INSERT INTO family_case (id, row_version, municipality, status, signal_kind, signal_source,"
                + " signal_description, signal_received_on, phase, framework, opened_at, opened_by)"
                + " VALUES (?, 1, ?, 'OPEN', 'SIGNAL', 'SCHOOL', 'zorgen', ?, 'ACUTE_SAFETY', 'VOLUNTARY', ?, 'anna')",
                kase, municipality, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate(),
                clock.instant().atOffset(ZoneOffset.UTC));
        return kase;
    }

    private void sql(String statement, Object... params) throws Exception {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
