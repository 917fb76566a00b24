package nl.proeftuin.core.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC conversions the stores share, written once so that H2 and PostgreSQL get exactly the
 * same calls: instants as UTC {@link OffsetDateTime} (TIMESTAMP WITH TIME ZONE), dates as
 * {@link LocalDate}, enums by name.
 */
final class Jdbc {

    private Jdbc() {
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> all = list(c, sql, mapper, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Whether the connection is PostgreSQL's (else the embedded H2), for the few statements that differ. */
    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} elements (n >= 1). */
    /** A column list ({@code "a, b"}) with each column prefixed by a table alias ({@code "t.a, t.b"}). */
    static String prefixed(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static Object[] params(Collection<?> values) {
        return values.toArray();
    }

    static void bindAll(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(ps, i + 1, params[i]);
        }
    }

    /** perfs (issue 13): binds params from parameter {@code offset + 1} on (one row of a multi-row statement). */
    static void bindAt(PreparedStatement ps, int offset, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            bind(ps, offset + i + 1, params[i]);
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            // An untyped NULL: PostgreSQL infers the column's type (a VARCHAR NULL into a DATE
            // column would be a type error there); use the typed wrappers where the type matters.
            ps.setNull(index, Types.NULL);
        } else if (value instanceof TypedNull n) {
            ps.setNull(index, n.sqlType());
        } else if (value instanceof Instant i) {
            ps.setObject(index, i.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (value instanceof LocalDate d) {
            ps.setObject(index, d, Types.DATE);
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Long n) {
            ps.setLong(index, n);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else {
            throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
        }
    }

    /** A NULL of a given SQL type. */
    record TypedNull(int sqlType) {
    }

    static Object date(LocalDate d) {
        return d == null ? new TypedNull(Types.DATE) : d;
    }

    static Object instant(Instant i) {
        return i == null ? new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE) : i;
    }

    static Object name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Enum.valueOf(type, s);
    }
}
