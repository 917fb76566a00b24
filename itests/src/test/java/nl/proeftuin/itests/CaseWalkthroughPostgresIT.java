package nl.proeftuin.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The same walkthrough on PostgreSQL: the test JVM starts an embedded PostgreSQL (no Docker) and
 * the distribution is configured to use it, exactly as a region configures production.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaseWalkthroughPostgresIT extends CaseWalkthrough {
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = EmbeddedPostgresFixture.onPostgres(baseOptions());
        options.add(systemProperty(EXPECTED_DATABASE).value("PostgreSQL"));
        return options.toArray(new Option[0]);
    }

}
