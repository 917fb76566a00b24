package nl.proeftuin.core.shell.internal;

import nl.proeftuin.core.api.region.Municipality;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code proeftuin:municipalities}: the region's register of municipalities, one per line. */
@Service
@Command(scope = "proeftuin", name = "municipalities",
        description = "Lists the region's register of municipalities (CBS code, name, inhabitants)")
public class MunicipalitiesCommand implements Action {
    @Reference
    private MunicipalityRegister register;

    @Override
    public Object execute() {
        if (register.municipalities().isEmpty()) {
            System.out.println("The register is empty: add the region's municipalities with proeftuin:municipality-add"
                    + " (or install the region's feature); until then no case can be opened.");
        }
        for (Municipality m : register.municipalities()) {
            System.out.println(line(m));
        }
        return null;
    }

    static String line(Municipality m) {
        return m.code() + "  " + m.name() + (m.inhabitants() == null ? "" : "  " + m.inhabitants() + " inhabitants")
                + "  (" + m.changedBy() + ", " + m.changedAt() + ")";
    }
}
