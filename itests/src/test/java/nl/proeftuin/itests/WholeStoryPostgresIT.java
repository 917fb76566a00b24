package nl.proeftuin.itests;


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
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = EmbeddedPostgresFixture.onPostgres(options());
        return options.toArray(new Option[0]);
    }
}
