package nl.proeftuin.plugins.procurement.ijw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where JW315 messages go: one factory configuration per destination (factory PID
 * {@code nl.proeftuin.plugins.procurement.ijw.internal.IjwDestination}), the regional administrator's,
 * never a binding's. A binding only names one ({@code destination=<name>}).
 */
@ObjectClassDefinition(name = "Proeftuin iJw: JW315 destination",
        description = "An outbox directory or an https exchange endpoint that JW315 messages are handed to (procurement-ijw)")
@interface IjwDestinationConfig {

    @AttributeDefinition(name = "Name",
            description = "The destination's name, by which a binding chooses it (destination=<name>): lower-case words")
    String name();

    @AttributeDefinition(name = "Outbox directory",
            description = "Write each JW315 as <messageRef>.xml into this existing directory (for the exchange software)."
                    + " Set this or the URL")
    String outboxDirectory() default "";

    @AttributeDefinition(name = "Exchange URL",
            description = "Or POST each JW315 (application/xml) to this https URL; http only to a loopback address"
                    + " with allowHttpLoopback; never a link-local address")
    String url() default "";

    @AttributeDefinition(name = "Allow http to loopback",
            description = "Allow an http URL to a loopback address (tests, a local relay); off in production")
    boolean allowHttpLoopback() default false;

    @AttributeDefinition(name = "Timeout (ms)", min = "1", max = "60000", description = "How long the POST may take")
    long timeoutMillis() default 1500;
}
