package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link TimeBoxedPluginCalls} (PID
 * {@code nl.proeftuin.core.engine.internal.TimeBoxedPluginCalls}): how the core calls plugins.
 */
@ObjectClassDefinition(
        name = "Proeftuin plugin calls",
        description = "Every plugin call runs on a core thread with a time budget; an overrun falls back and raises"
                + " an alert.")
@interface PluginCallConfig {

    @AttributeDefinition(name = "Time budget (ms)", min = "1",
            description = "How long a plugin may take, including any wait for a free thread, before the core falls"
                    + " back (for triage: manual triage by a person)")
    long timeBudgetMillis() default 2000;

    @AttributeDefinition(name = "Threads", min = "1",
            description = "Threads that call plugins (named proeftuin-plugin-call-N); at most this many plugin calls"
                    + " run at once, a further 16 per thread may wait")
    int threads() default 8;
}
