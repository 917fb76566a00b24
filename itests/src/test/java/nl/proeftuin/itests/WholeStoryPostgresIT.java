package nl.proeftuin.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Issue 14's whole story (decision 0038) on PostgreSQL (embedded, started by the test JVM). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WholeStoryPostgresIT extends WholeStory {
    private static final String PID_FILE = "etc/nl.proeftuin.core.store.internal.JdbcDatabase.cfg";

    @Configuration
    public Option[] config() throws IOException {
        String url = EmbeddedPostgresFixture.start();
        List<Option> options = options();
        options.add(editConfigurationFilePut(PID_FILE, "url", url));
        options.add(editConfigurationFilePut(PID_FILE, "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)"));
        options.add(editConfigurationFilePut(PID_FILE, "user", "postgres"));
        options.add(editConfigurationFilePut(PID_FILE, ".password", "postgres"));
        return options.toArray(new Option[0]);
    }
}
