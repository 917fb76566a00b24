package nl.proeftuin.plugins.localteam.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The municipality endpoints configured now, looked up by municipality (case-insensitive) or by
 * name. Two configurations for one municipality or one name are a configuration error, named when used.
 */
final class Endpoints {
    private final List<MunicipalityEndpoint> all = new CopyOnWriteArrayList<>();

    void add(MunicipalityEndpoint endpoint) {
        all.add(endpoint);
    }

    void remove(MunicipalityEndpoint endpoint) {
        all.remove(endpoint);
    }

    List<Endpoint> all() {
        return all.stream().map(MunicipalityEndpoint::endpoint).toList();
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
        List<Endpoint> found = all().stream().filter(e -> e.municipality().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (found.size() > 1) {
            throw new IllegalStateException("municipality: " + found.size()
                    + " MunicipalityEndpoint configurations name '" + municipality + "'; keep one");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * @return the endpoint of that name, or null when none is configured
     * @throws IllegalStateException when more than one is
     */
    Endpoint named(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<Endpoint> found = all().stream().filter(e -> e.name().equals(wanted)).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("name: " + found.size() + " MunicipalityEndpoint configurations are named '"
                    + name + "'; keep one");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The names configured, sorted, for messages. */
    List<String> names() {
        return all().stream().map(Endpoint::name).sorted().toList();
    }

    /**
     * Refuses an outbound secret that is some endpoint's inbound verification secret: sending it would
     * hand that municipality's (or another one's) inbound credential to a remote system.
     *
     * @throws IllegalStateException naming the reference (never the secret)
     */
    void checkOutboundSecret(Endpoint endpoint) {
        String reference = endpoint.credentialsReference();
        if (reference == null) {
            return;
        }
        for (Endpoint e : all()) {
            if (reference.equals(e.inboundCredentialsReference())) {
                throw new IllegalStateException("credentialsReference: '" + reference + "' of endpoint '"
                        + endpoint.name() + "' is the inbound verification secret of endpoint '" + e.name()
                        + "'; it is never sent");
            }
        }
    }
}
