package nl.proeftuin.core.store.internal;

import java.util.List;
import java.util.function.ToDoubleFunction;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connection pool's use as gauges, under the names HikariCP's own Micrometer tracker uses
 * ({@code hikaricp_connections_active{pool="proeftuin"}}, ...), so existing dashboards fit. Read from the
 * pool's MXBean at scrape time: nothing is done per connection.
 */
final class PoolMeters {

    private PoolMeters() {
    }

    static List<Meter> register(MeterRegistry registry, HikariDataSource pool) {
        String name = pool.getPoolName();
        return List.of(
                gauge(registry, "hikaricp.connections.active", "Connections in use", name, pool,
                        p -> mx(p) == null ? Double.NaN : mx(p).getActiveConnections()),
                gauge(registry, "hikaricp.connections.idle", "Idle connections", name, pool,
                        p -> mx(p) == null ? Double.NaN : mx(p).getIdleConnections()),
                gauge(registry, "hikaricp.connections.pending", "Threads waiting for a connection", name, pool,
                        p -> mx(p) == null ? Double.NaN : mx(p).getThreadsAwaitingConnection()),
                gauge(registry, "hikaricp.connections", "Connections in the pool", name, pool,
                        p -> mx(p) == null ? Double.NaN : mx(p).getTotalConnections()),
                gauge(registry, "hikaricp.connections.max", "Largest size of the pool", name, pool,
                        HikariDataSource::getMaximumPoolSize));
    }

    private static HikariPoolMXBean mx(HikariDataSource pool) {
        return pool.isClosed() ? null : pool.getHikariPoolMXBean();
    }

    private static Meter gauge(MeterRegistry registry, String metric, String description, String poolName,
            HikariDataSource pool, ToDoubleFunction<HikariDataSource> value) {
        return Gauge.builder(metric, pool, value).description(description).tag("pool", poolName)
                .strongReference(true).register(registry);
    }
}
