package nl.proeftuin.core.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin access log", description = "The NEN 7513 access log, hash-chained, "
        + "each entry MACed with a key outside the database, the head anchored in a checkpoint file")
@interface HashChainedAccessLogConfig {

    @AttributeDefinition(name = "Node", description = "The name of this node in every entry it logs; "
            + "empty: the host name")
    String node() default "";

    @AttributeDefinition(name = "Key file", description = "The key of the entries' MACs (generated on first "
            + "start, mode 0600; every node on one database needs the same file; back it up with etc/); "
            + "empty: ${karaf.etc}/proeftuin-access-log.key")
    String keyFile() default "";

    @AttributeDefinition(name = "Checkpoint file", description = "Where the chain's head is anchored outside the "
            + "database; empty: ${karaf.data}/audit/access-log-checkpoints")
    String checkpointFile() default "";

    @AttributeDefinition(name = "Checkpoint every N entries", min = "1")
    int checkpointEvery() default 1000;

    @AttributeDefinition(name = "Checkpoint every T seconds", description = "also when fewer entries were "
            + "written (and always on shutdown)", min = "1")
    int checkpointSeconds() default 60;
}
