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

    /**
     * Records the binding a later decision used unless the case's latest decision of that extension point
     * was taken under the same variant (plugin, configuration hash, revision): a cohort asks whether a
     * case had a decision under a variant, so one row per change is enough (procurement and local-team
     * decisions can be many per case; decision 0042).
     */
    void decisionOnce(Connection c, String caseId, ExtensionPoint point, Binding b, Instant at) throws SQLException {
        CohortStore.Variant last = null;
        for (CohortStore.Variant v : store.variants(c, caseId)) {
            if (v.decision().equals(point.name())) {
                last = v;
            }
        }
        if (last != null && java.util.Objects.equals(last.pluginId(), b == null ? null : b.pluginId())
                && java.util.Objects.equals(last.configurationHash(), b == null ? null : b.configurationHash())
                && last.bindingRevision() == (b == null ? 0 : b.revision())) {
            return;
        }
        record(c, caseId, point.name(), point, b, at);
    }

    /** Records the binding in force now for a decision that called no plugin (a maatwerk decision, an allocation). */
    void inForce(Connection c, String caseId, ExtensionPoint point, String municipality, Instant at) throws SQLException {
        decisionOnce(c, caseId, point, Bindings.effective(bindings, c, point, municipality, at), at);
    }

    private void record(Connection c, String caseId, String decision, ExtensionPoint point, Binding b, Instant at)
            throws SQLException {
        store.recordVariant(c, caseId, decision, point.name(), b == null ? null : b.pluginId(),
                b == null ? null : b.configurationHash(), b == null ? 0 : b.revision(), at);
    }
}
