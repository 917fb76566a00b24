package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import nl.proeftuin.core.store.health.HeartbeatStore;
import org.osgi.service.component.annotations.Component;

/** The heartbeat row in {@code node_heartbeat}. */
@Component(service = HeartbeatStore.class)
public class JdbcHeartbeatStore implements HeartbeatStore {

    @Override
    public boolean beat(Connection c, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE node_heartbeat SET beat_at = ? WHERE heartbeat_id = 1", now) == 1;
    }
}
