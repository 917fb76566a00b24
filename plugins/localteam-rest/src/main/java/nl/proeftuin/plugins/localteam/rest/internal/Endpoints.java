package nl.proeftuin.plugins.localteam.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The municipality endpoints configured now, looked up by municipality (case-insensitive). Two
 * configurations for one municipality are a configuration error, named when used.
 */
final class Endpoints {
    private final List<MunicipalityEndpoint> all = new CopyOnWriteArrayList<>();

    void add(MunicipalityEndpoint endpoint) {
        all.add(endpoint);
    }

    void remove(MunicipalityEndpoint endpoint) {
        all.remove(endpoint);
    }

    /**
     * @return the municipality's endpoint, or null when none is configured
     * @throws IllegalStateException when more than one is
     */
    Endpoint find(String municipality) {
        if (municipality == null) {
            return null;
        }
        String wanted = municipality.trim().toLowerCase(Locale.ROOT);
        List<Endpoint> found = all.stream().map(MunicipalityEndpoint::endpoint)
                .filter(e -> e.municipality().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("municipality: " + found.size()
                    + " MunicipalityEndpoint configurations name '" + municipality + "'; keep one");
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
