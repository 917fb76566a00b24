package nl.proeftuin.core.store.visibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of {@code break_glass}. Whether a grant opens a case now is part of the need-to-know
 * predicate ({@link VisibilityStore#breakGlass}).
 */
@ProviderType
public interface BreakGlassStore {

    void insert(Connection c, StoredBreakGlass grant) throws SQLException;

    Optional<StoredBreakGlass> find(Connection c, String id) throws SQLException;

    /** @return the latest grants first, at most {@code limit} */
    List<StoredBreakGlass> latest(Connection c, boolean unreviewedOnly, int limit) throws SQLException;

    /**
     * The latest grants on cases within a reviewer's scope: the case's municipality is one of theirs
     * (compared without case), or the reviewer is actively assigned to the case (the guard's municipality
     * scope). A grant whose case no longer exists is left out.
     *
     * @param municipalities the reviewer's municipalities, at least one
     * @return the latest such grants first, at most {@code limit}
     * @since 1.3
     */
    List<StoredBreakGlass> latestWithin(Connection c, boolean unreviewedOnly, String userId,
            java.util.Collection<String> municipalities, int limit) throws SQLException;

    /** Marks the grant reviewed, unless it was already. */
    void reviewed(Connection c, String id, Instant at, String by) throws SQLException;
}
