package nl.proeftuin.plugins.localteam.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One municipality's exchange directory, as a factory configuration of {@link CsvExchangeDirectory}
 * (factory PID {@code nl.proeftuin.plugins.localteam.file.internal.CsvExchangeDirectory}).
 */
@ObjectClassDefinition(
        name = "Proeftuin localteam-file: exchange directory",
        description = "A municipality's local team exchanges CSV files with the platform through this directory:"
                + " requests in inbox/, reports in processed/ and failed/, events in outbox/.")
@interface CsvExchangeDirectoryConfig {

    @AttributeDefinition(name = "Municipality", description = "The municipality as the core names it, for example Ede")
    String municipality();

    @AttributeDefinition(name = "Directory",
            description = "The exchange directory; inbox/, processed/, failed/ and outbox/ are created in it")
    String directory();

    @AttributeDefinition(name = "Poll interval (s)", description = "How often inbox/ is looked at", min = "1")
    int pollIntervalSeconds() default 30;

    @AttributeDefinition(name = "Settle time (s)",
            description = "A file is imported only when it has not changed for this long (a copy still under way)",
            min = "0")
    int settleSeconds() default 5;

    @AttributeDefinition(name = "Largest file (rows)", description = "A file with more rows goes to failed/", min = "1")
    int maxRows() default 10000;

    @AttributeDefinition(name = "Progress every (requests)",
            description = "import-status.json and the log are updated after this many requests", min = "1")
    int progressEveryRequests() default 50;
}
