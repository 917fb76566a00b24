package nl.proeftuin.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Issue 14's whole story (decision 0038) on the embedded default database (H2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WholeStoryH2IT extends WholeStory {

    @Configuration
    public Option[] config() {
        return options().toArray(new Option[0]);
    }
}
