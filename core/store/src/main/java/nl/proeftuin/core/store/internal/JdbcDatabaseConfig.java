package nl.proeftuin.core.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link JdbcDatabase} (PID {@code nl.proeftuin.core.store.internal.JdbcDatabase}).
 * The distribution ships the embedded default in {@code etc/}; there is deliberately no default URL
 * here, so a missing configuration shows as such instead of silently creating a database somewhere.
 */
@ObjectClassDefinition(
        name = "Proeftuin database",
        description = "The JDBC database of the platform: embedded H2 (file) by default, PostgreSQL in production.")
@interface JdbcDatabaseConfig {

    @AttributeDefinition(name = "JDBC URL",
            description = "For example jdbc:h2:retry:${karaf.data}/proeftuin/proeftuin;WRITE_DELAY=0;RETENTION_TIME=0 or "
                    + "jdbc:postgresql://db.example:5432/proeftuin")
    String url();

    @AttributeDefinition(name = "User", description = "Database user; empty for none")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "Database password. The key is '.password' (private: never published as a service property)")
    String _password() default "";

    @AttributeDefinition(name = "Maximum pool size", min = "1")
    int maxPoolSize() default 10;

    @AttributeDefinition(name = "Connection timeout (ms)",
            description = "How long a request waits for a pooled connection before it fails")
    long connectionTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Driver",
            description = "LDAP filter selecting the JDBC driver's DataSourceFactory service, for example "
                    + "(osgi.jdbc.driver.class=org.h2.Driver) or (osgi.jdbc.driver.class=org.postgresql.Driver)")
    String dataSourceFactory_target();
}
