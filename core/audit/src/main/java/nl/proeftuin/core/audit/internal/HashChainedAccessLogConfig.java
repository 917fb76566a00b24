package nl.proeftuin.core.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin access log", description = "The NEN 7513 access log, hash-chained")
@interface HashChainedAccessLogConfig {

    @AttributeDefinition(name = "Node", description = "The name of this node in every entry it logs; "
            + "empty: the host name")
    String node() default "";
}
