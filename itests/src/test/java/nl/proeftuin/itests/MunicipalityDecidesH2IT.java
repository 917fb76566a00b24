package nl.proeftuin.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The municipality decides (issue 14 part 4) on the embedded default database (H2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MunicipalityDecidesH2IT extends MunicipalityDecides {

    @Configuration
    public Option[] config() {
        return options().toArray(new Option[0]);
    }
}
