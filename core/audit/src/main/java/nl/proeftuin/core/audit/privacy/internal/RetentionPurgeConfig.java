package nl.proeftuin.core.audit.privacy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin retention purge", description = "The scheduled retention job")
@interface RetentionPurgeConfig {

    @AttributeDefinition(name = "Enabled", description = "Run the purge on a schedule; false: only by hand "
            + "(proeftuin:retention-purge)")
    boolean enabled() default true;

    @AttributeDefinition(name = "Interval (hours)", description = "Hours between runs; the first run is one interval after start")
    long intervalHours() default 24;
}
