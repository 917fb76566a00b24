package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link ScheduledBackup} (PID {@code nl.proeftuin.core.engine.internal.ScheduledBackup}):
 * when the node writes its own backup archive, and how many of those it keeps.
 */
@ObjectClassDefinition(name = "Proeftuin scheduled backup",
        description = "A daily backup archive of an embedded-H2 node in data/backups/ (as proeftuin:backup writes), "
                + "the oldest scheduled ones pruned. Nothing on PostgreSQL: use pg_dump there.")
@interface ScheduledBackupConfig {

    @AttributeDefinition(name = "Enabled", description = "false: no scheduled backups (proeftuin:backup still works)")
    boolean enabled() default true;

    @AttributeDefinition(name = "Daily at", description = "The local time of day (HH:mm or HH:mm:ss) in the zone below")
    String dailyAt() default "02:30";

    @AttributeDefinition(name = "Zone", description = "The time zone of 'Daily at' (an IANA name such as Europe/Amsterdam)")
    String zone() default "Europe/Amsterdam";

    @AttributeDefinition(name = "Keep", min = "1", max = "366",
            description = "How many scheduled archives stay; older scheduled ones are deleted after a new one is "
                    + "written and logged. Archives written by hand (other names) are never deleted")
    int keep() default 7;
}
