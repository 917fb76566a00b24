package nl.proeftuin.itests;

import java.io.IOException;
import java.io.UncheckedIOException;

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
    @Override
    @Configuration
    public Option[] config() {
        try {
            return EmbeddedPostgresFixture.onPostgres(baseOptions()).toArray(new Option[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
