package nl.proeftuin.core.security.internal;

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
import nl.proeftuin.core.store.visibility.BreakGlassStore;
import nl.proeftuin.core.store.visibility.StoredBreakGlass;
import nl.proeftuin.core.store.visibility.VisibilityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Break-glass grants in the database; every grant stays flagged until someone reviews it. */
@Component(service = BreakGlass.class)
@Designate(ocd = JdbcBreakGlassConfig.class)
public class JdbcBreakGlass implements BreakGlass {
    static final int MAX_REASON = 2000;

    private final Database database;
    private final BreakGlassStore store;
    private final VisibilityStore cases;
    private final Duration duration;
    private final Clock clock;

    @Activate
    public JdbcBreakGlass(JdbcBreakGlassConfig config, @Reference Database database, @Reference BreakGlassStore store,
            @Reference VisibilityStore cases) {
        this(database, store, cases, Duration.ofMinutes(config.durationMinutes()), Clock.systemUTC());
    }

    JdbcBreakGlass(Database database, BreakGlassStore store, VisibilityStore cases, Duration duration, Clock clock) {
        this.database = database;
        this.store = store;
        this.cases = cases;
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
            String municipality = cases.caseOwner(c, caseId).map(VisibilityStore.CaseOwner::municipality)
                    .orElseThrow(() -> new NotFoundException("case " + caseId));
            if (!principal.covers(municipality)) {
                throw new RuleViolationException("other-municipality", "The case lies outside your municipalities");
            }
            BreakGlassGrant grant = new BreakGlassGrant(UUID.randomUUID().toString(), principal.userId(), principal.name(),
                    caseId, why, now, now.plus(duration), null, null);
            store.insert(c, new StoredBreakGlass(grant.id(), grant.userId(), grant.userName(), caseId, why, now,
                    grant.expiresAt(), null, null));
            return grant;
        });
    }

    @Override
    public List<BreakGlassGrant> grants(boolean unreviewedOnly, int limit) {
        return read(c -> store.latest(c, unreviewedOnly, Math.max(1, Math.min(limit, 1000))).stream()
                .map(JdbcBreakGlass::grant).toList());
    }

    @Override
    public List<BreakGlassGrant> grants(Principal reviewer, boolean unreviewedOnly, int limit) {
        if (reviewer.allMunicipalities()) {
            return grants(unreviewedOnly, limit);
        }
        return read(c -> store.latestWithin(c, unreviewedOnly, reviewer.userId(), reviewer.municipalities(),
                Math.max(1, Math.min(limit, 1000))).stream().map(JdbcBreakGlass::grant).toList());
    }

    @Override
    public Optional<BreakGlassGrant> grant(String grantId) {
        if (grantId == null || grantId.isBlank()) {
            return Optional.empty();
        }
        return read(c -> store.find(c, grantId).map(JdbcBreakGlass::grant));
    }

    @Override
    public BreakGlassGrant review(Principal reviewer, String grantId) {
        return write(c -> {
            Optional<BreakGlassGrant> grant = store.find(c, grantId).map(JdbcBreakGlass::grant);
            if (grant.isEmpty()) {
                throw new NotFoundException("break-glass grant " + grantId);
            }
            if (reviewer.userId().equals(grant.get().userId())) {
                throw new RuleViolationException("review-own-break-glass", "Nobody reviews their own break-glass access");
            }
            store.reviewed(c, grantId, clock.instant(), reviewer.userId());
            return store.find(c, grantId).map(JdbcBreakGlass::grant).get();
        });
    }

    private static BreakGlassGrant grant(StoredBreakGlass g) {
        return new BreakGlassGrant(g.id(), g.userId(), g.userName(), g.caseId(), g.reason(), g.grantedAt(), g.expiresAt(),
                g.reviewedAt(), g.reviewedBy());
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
