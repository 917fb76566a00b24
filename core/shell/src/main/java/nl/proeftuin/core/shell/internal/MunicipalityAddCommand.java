package nl.proeftuin.core.shell.internal;

import java.util.List;

import nl.proeftuin.core.api.region.Municipality;
import nl.proeftuin.core.api.region.MunicipalityInput;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code proeftuin:municipality-add [-i inhabitants] [--change] CODE NAME...}: adds a municipality to
 * the region's register (or, with {@code --change}, renames it or sets its inhabitants), as the
 * logged-in shell user.
 */
@Service
@Command(scope = "proeftuin", name = "municipality-add",
        description = "Adds a municipality to the region's register (CBS code and official name), or changes one")
public class MunicipalityAddCommand implements Action {
    @Reference
    private MunicipalityRegister register;

    @Reference
    private Session session;

    @Option(name = "-i", aliases = "--inhabitants", description = "The number of inhabitants")
    private Integer inhabitants;

    @Option(name = "--change", description = "Change the municipality with this code instead of adding one")
    private boolean change;

    @Argument(index = 0, name = "code", required = true, description = "The CBS code, for example GM0202")
    private String code;

    @Argument(index = 1, name = "name", required = true, multiValued = true, description = "The official name, for example Arnhem")
    private List<String> name;

    @Override
    public Object execute() {
        MunicipalityInput input = new MunicipalityInput(code, String.join(" ", name), inhabitants);
        Municipality m = change ? register.change(ShellActor.current(session), code, input)
                : register.add(ShellActor.current(session), input);
        System.out.println((change ? "Changed: " : "Added: ") + MunicipalitiesCommand.line(m));
        return null;
    }
}
