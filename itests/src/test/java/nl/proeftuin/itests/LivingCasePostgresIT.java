package nl.proeftuin.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@link LivingCaseIT} on PostgreSQL (embedded, started by the test JVM): the team across municipalities,
 * the joint triage by the two directors, the notices and the family system over time through HTTP, as
 * issue 14 asks for every part on both databases.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LivingCasePostgresIT extends LivingCaseIT {
    private static final String PID_FILE = "etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg";

    @Override
    @Configuration
    public Option[] config() {
        String url;
        try {
            url = EmbeddedPostgresFixture.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Option> options = baseOptions();
        options.add(editConfigurationFilePut(PID_FILE, "url", url));
        options.add(editConfigurationFilePut(PID_FILE, "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)"));
        options.add(editConfigurationFilePut(PID_FILE, "user", "postgres"));
        options.add(editConfigurationFilePut(PID_FILE, ".password", "postgres"));
        return options.toArray(new Option[0]);
    }
}
