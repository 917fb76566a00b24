package nl.proeftuin.core.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.security.BreakGlass;
import nl.proeftuin.core.security.BreakGlassGrant;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Break-glass grants in the database; every grant stays flagged until someone reviews it. */
@Component(service = BreakGlass.class)
@Designate(ocd = JdbcBreakGlassConfig.class)
public class JdbcBreakGlass implements BreakGlass {
    static final int MAX_REASON = 2000;
    private static final String COLUMNS = "id, user_id, user_name, case_id, reason, granted_at, expires_at, reviewed_at, reviewed_by";

    private final Database database;
    private final Duration duration;
    private final Clock clock;

    @Activate
    public JdbcBreakGlass(JdbcBreakGlassConfig config, @Reference Database database) {
        this(database, Duration.ofMinutes(config.durationMinutes()), Clock.systemUTC());
    }

    JdbcBreakGlass(Database database, Duration duration, Clock clock) {
        this.database = database;
        this.duration = duration;
        this.clock = clock;
    }

    @Override
    public BreakGlassGrant open(Principal principal, String caseId, String reason) {
        if (!principal.has(Role.PROFESSIONAL)) {
            throw new RuleViolationException("professionals-only", "Only professionals can use break-glass access");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why you need this case now");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        return write(c -> {
            String municipality = Sql.one(c, "SELECT municipality FROM family_case WHERE id = ?", rs -> rs.getString(1), caseId)
                    .orElseThrow(() -> new NotFoundException("case " + caseId));
            if (!principal.covers(municipality)) {
                throw new RuleViolationException("other-municipality", "The case lies outside your municipalities");
            }
            BreakGlassGrant grant = new BreakGlassGrant(UUID.randomUUID().toString(), principal.userId(), principal.name(),
                    caseId, why, now, now.plus(duration), null, null);
            Sql.update(c, "INSERT INTO break_glass (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", grant.id(),
                    grant.userId(), grant.userName(), caseId, why, now, grant.expiresAt());
            return grant;
        });
    }

    @Override
    public List<BreakGlassGrant> grants(boolean unreviewedOnly, int limit) {
        return read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM break_glass"
                + (unreviewedOnly ? " WHERE reviewed_at IS NULL" : "") + " ORDER BY granted_at DESC, id LIMIT ?",
                JdbcBreakGlass::grant, Math.max(1, Math.min(limit, 1000))));
    }

    @Override
    public BreakGlassGrant review(Principal reviewer, String grantId) {
        return write(c -> {
            Optional<BreakGlassGrant> grant = Sql.one(c, "SELECT " + COLUMNS + " FROM break_glass WHERE id = ?",
                    JdbcBreakGlass::grant, grantId);
            if (grant.isEmpty()) {
                throw new NotFoundException("break-glass grant " + grantId);
            }
            if (reviewer.userId().equals(grant.get().userId())) {
                throw new RuleViolationException("review-own-break-glass", "Nobody reviews their own break-glass access");
            }
            Sql.update(c, "UPDATE break_glass SET reviewed_at = ?, reviewed_by = ? WHERE id = ? AND reviewed_at IS NULL",
                    clock.instant(), reviewer.userId(), grantId);
            return Sql.one(c, "SELECT " + COLUMNS + " FROM break_glass WHERE id = ?", JdbcBreakGlass::grant, grantId).get();
        });
    }

    private static BreakGlassGrant grant(ResultSet rs) throws SQLException {
        return new BreakGlassGrant(rs.getString("id"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("case_id"), rs.getString("reason"), Sql.instant(rs, "granted_at"),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "reviewed_at"), rs.getString("reviewed_by"));
    }

    private <T> T write(Database.SqlWork<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new IllegalStateException("break-glass store failed", e);
        }
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("break-glass store failed", e);
        }
    }
}
