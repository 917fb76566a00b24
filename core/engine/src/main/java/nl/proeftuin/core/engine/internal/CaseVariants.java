package nl.proeftuin.core.engine.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.store.cohorts.CohortStore;
import nl.proeftuin.core.store.plugins.BindingStore;

/**
 * The variant a case is handled under (cohorts, issue 15 part 1, decision 0037): at its opening, the
 * binding in force for every extension point (plugin and configuration hash, or none: the fallback),
 * resolved exactly as a call would resolve it (planned switches due by now included), and at each
 * later decision that consulted a plugin, the binding that decision used. Written in the transaction
 * of the opening or the decision, into {@code case_variant} (V26).
 */
final class CaseVariants {
    static final String OPENING = "OPENING";

    private final BindingStore bindings;
    private final CohortStore store;

    CaseVariants(BindingStore bindings, CohortStore store) {
        this.bindings = bindings;
        this.store = store;
    }

    /** Records the binding in force for every extension point of the case's municipality at its opening. */
    void opening(Connection c, String caseId, String municipality, Instant now) throws SQLException {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            Binding b = Bindings.effective(bindings, c, point, municipality, now);
            record(c, caseId, OPENING, point, b, now);
        }
    }

    /** Records the binding a later decision of the case used (null: none was bound). */
    void decision(Connection c, String caseId, ExtensionPoint point, Binding b, Instant at) throws SQLException {
        record(c, caseId, point.name(), point, b, at);
    }

    private void record(Connection c, String caseId, String decision, ExtensionPoint point, Binding b, Instant at)
            throws SQLException {
        store.recordVariant(c, caseId, decision, point.name(), b == null ? null : b.pluginId(),
                b == null ? null : b.configurationHash(), b == null ? 0 : b.revision(), at);
    }
}
