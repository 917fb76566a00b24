package nl.proeftuin.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The case walkthrough on the embedded default database (H2 file under data/). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaseWalkthroughH2IT extends CaseWalkthrough {

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        options.add(systemProperty(EXPECTED_DATABASE).value("H2"));
        return options.toArray(new Option[0]);
    }

}
