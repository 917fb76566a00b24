package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.ConfigurationDifference;
import nl.proeftuin.core.api.plugins.ConfigurationDifference.Change;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.ConfigurationImport;
import nl.proeftuin.core.api.plugins.ConfiguredBinding;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.spi.ExtensionPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Configuration promotion: export from one instance, import into another (dry run, then applied in one
 * transaction), refusals naming what the target lacks. On H2 and PostgreSQL.
 */
class ConfigurationPromotionTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0">
              <OCD id="typed-triage" name="Typed">
                <AD id="variant" type="String" default="standard" name="Variant"/>
                <AD id="minDomains" type="Integer" default="3" min="0" max="9" name="Complex from"/>
              </OCD>
            </metatype:MetaData>
            """;

    abstract static class Contract extends PluginTestBase {

        String ede;
        String arnhem;
        String zevenaar;

        /** Instance A's plugins: a typed triage, a plain triage and a care path, all version 1.2.0. */
        void installPlugins(ServicePluginRegistry into, String version) throws Exception {
            var schema = PluginConfigurations.parse(new ByteArrayInputStream(METATYPE.getBytes(StandardCharsets.UTF_8)),
                    "typed-triage");
            into.add(new PluginInfo("typed-triage", ExtensionPoint.TRIAGE, "test.typed", version, 7001, schema), 0,
                    new RuleTriage());
            into.add(new PluginInfo("plain-triage", ExtensionPoint.TRIAGE, "test.plain", version, 7002), 0,
                    new RuleTriage());
            into.add(new PluginInfo("path-a", ExtensionPoint.CARE_PATH, "test.path", version, 7003), 0, new Object());
        }

        /** Instance A: region and municipality bindings on two points. */
        void configureA() throws Exception {
            installPlugins(registry, "1.2.0");
            ede = registered(unique("Ede"));
            arnhem = registered(unique("Arnhem"));
            zevenaar = registered(unique("Zevenaar"));
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                    new BindingInput("typed-triage", Map.of("variant", "region", "minDomains", "3"), "region"));
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, ede,
                    new BindingInput("plain-triage", Map.of("variant", "ede"), "Ede pilots"));
            runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, arnhem,
                    new BindingInput("typed-triage", Map.of("minDomains", "4"), "Arnhem stricter"));
            runtime.bind(COORDINATOR, ExtensionPoint.CARE_PATH, null,
                    new BindingInput("path-a", Map.of("steps", "mda"), "care path"));
        }

        /** Every municipality's (and the region's) effective binding on every point: plugin and configuration. */
        Map<String, String> effective(StoredPluginRuntime on) {
            Map<String, String> out = new LinkedHashMap<>();
            List<String> scopes = new ArrayList<>();
            scopes.add(null);
            scopes.addAll(List.of(ede, arnhem, zevenaar));
            for (ExtensionPoint point : ExtensionPoint.values()) {
                for (String m : scopes) {
                    Binding b = on.effectiveBinding(point, m);
                    out.put(point + "/" + m, b == null ? "fallback" : b.pluginId() + " " + b.configuration());
                }
            }
            return out;
        }

        /** Instance B: no bindings, its own registry with the same plugins (here a newer compatible version). */
        StoredPluginRuntime freshInstance(String version) throws Exception {
            database.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM plugin_binding"));
            ServicePluginRegistry other = new ServicePluginRegistry();
            installPlugins(other, version);
            return new StoredPluginRuntime(database, bindingStore, alertStore, other, municipalityStore, clock);
        }

        /** The document as it travels: written to JSON and read back. */
        static ConfigurationDocument throughJson(ConfigurationDocument d) throws Exception {
            return JSON.readValue(JSON.writeValueAsBytes(d), ConfigurationDocument.class);
        }

        @Test
        void exportFromAImportIntoAFreshBGivesEveryMunicipalityTheSameEffectiveBindings() throws Exception {
            configureA();
            Map<String, String> onA = effective(runtime);
            ConfigurationDocument document = throughJson(runtime.exportConfiguration(COORDINATOR));
            assertEquals(ConfigurationDocument.VERSION, document.version());
            assertEquals("coordinator", document.exportedBy());
            assertEquals(4, document.bindings().size());
            assertTrue(document.bindings().stream().allMatch(b -> "1.2.0".equals(b.pluginVersion())));
            assertEquals(new ConfiguredBinding("TRIAGE", ede, "plain-triage", "1.2.0", Map.of("variant", "ede")),
                    document.bindings().stream().filter(b -> ede.equals(b.municipality())).findFirst().orElseThrow());

            StoredPluginRuntime b = freshInstance("1.3.1");
            assertTrue(b.bindings().isEmpty());
            int historyBefore = b.history(null).size();

            ConfigurationImport dry = b.importConfiguration(ANS, document, null, true);
            assertTrue(dry.dryRun());
            assertEquals(4, dry.differences().size());
            assertTrue(dry.differences().stream().allMatch(d -> d.change() == Change.ADDED));
            assertTrue(b.bindings().isEmpty(), "a dry run applies nothing");

            ConfigurationImport applied = b.importConfiguration(ANS, document, "promote from test", false);
            assertFalse(applied.dryRun());
            assertEquals(dry.differences(), applied.differences());
            assertEquals(onA, effective(b), "every municipality resolves the same plugin and configuration");

            List<BindingChange> history = b.history(null);
            assertEquals(historyBefore + 4, history.size(), "one history entry per change");
            for (BindingChange change : history.subList(0, 4)) {
                assertEquals("ans", change.by());
                assertEquals("promote from test", change.reason());
                assertNull(change.oldPluginId());
            }

            ConfigurationImport again = b.importConfiguration(ANS, document, "again", false);
            assertTrue(again.differences().isEmpty(), "importing the same document again changes nothing");
            assertEquals(4, again.unchanged());
            assertEquals(historyBefore + 4, b.history(null).size());
        }

        @Test
        void aDryRunListsWhatIsAddedChangedAndRemovedAndChangesNothing() throws Exception {
            configureA();
            List<ConfiguredBinding> wanted = new ArrayList<>(runtime.exportConfiguration(COORDINATOR).bindings());
            // Arnhem's own triage goes (the region's applies), Ede's changes, Zevenaar gets one
            wanted.removeIf(x -> arnhem.equals(x.municipality()));
            wanted.replaceAll(x -> ede.equals(x.municipality())
                    ? new ConfiguredBinding("triage", ede, "typed-triage", "1.2.0", Map.of("minDomains", "2")) : x);
            wanted.add(new ConfiguredBinding("CARE_PATH", zevenaar.toLowerCase(java.util.Locale.ROOT), "path-a", null,
                    Map.of()));
            ConfigurationDocument document = new ConfigurationDocument(1, START, "other", wanted);
            List<Binding> before = runtime.bindings();
            int history = runtime.history(null).size();

            ConfigurationImport dry = runtime.importConfiguration(COORDINATOR, document, null, true);
            assertEquals(List.of(
                    new ConfigurationDifference(Change.CHANGED, ExtensionPoint.TRIAGE, ede, "plain-triage",
                            Map.of("variant", "ede"), "typed-triage", Map.of("minDomains", "2")),
                    new ConfigurationDifference(Change.ADDED, ExtensionPoint.CARE_PATH, zevenaar, null, null, "path-a",
                            Map.of()),
                    new ConfigurationDifference(Change.REMOVED, ExtensionPoint.TRIAGE, arnhem, "typed-triage",
                            Map.of("minDomains", "4"), null, null)),
                    dry.differences().stream().sorted(java.util.Comparator.comparing(d -> d.change().ordinal() == 1 ? 0
                            : d.change().ordinal() == 0 ? 1 : 2)).toList());
            assertEquals(2, dry.unchanged());
            assertEquals(before, runtime.bindings(), "nothing changed");
            assertEquals(history, runtime.history(null).size(), "nothing in the history");

            runtime.importConfiguration(COORDINATOR, document, "align with test", false);
            assertEquals("typed-triage", runtime.effectiveBinding(ExtensionPoint.TRIAGE, arnhem).pluginId());
            assertEquals(Map.of("variant", "region", "minDomains", "3"),
                    runtime.effectiveBinding(ExtensionPoint.TRIAGE, arnhem).configuration(), "the region's again");
            assertEquals(Map.of("minDomains", "2"), runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).configuration());
            assertEquals("path-a", runtime.effectiveBinding(ExtensionPoint.CARE_PATH, zevenaar).pluginId());
            List<BindingChange> changes = runtime.history(null).subList(0, 3);
            assertTrue(changes.stream().allMatch(c -> "align with test".equals(c.reason())));
            assertTrue(changes.stream().anyMatch(c -> arnhem.equals(c.municipality()) && c.newPluginId() == null
                    && "typed-triage".equals(c.oldPluginId())), "the removal is in the history with the old binding");
        }

        @Test
        void aDocumentTheTargetCannotTakeIsRefusedWholeNamingEveryBadEntry() throws Exception {
            configureA();
            List<Binding> before = runtime.bindings();
            int history = runtime.history(null).size();
            List<ConfiguredBinding> entries = List.of(
                    // valid, and would change something: must not be applied either
                    new ConfiguredBinding("TRIAGE", null, "plain-triage", "1.2.0", Map.of("variant", "new")),
                    new ConfiguredBinding("TRIAGE", ede, "missing-triage", "1.0.0", Map.of()),
                    new ConfiguredBinding("TRIAGE", arnhem, "typed-triage", "1.2.0", Map.of("minDomain", "4")),
                    new ConfiguredBinding("CARE_PATH", "Atlantis", "path-a", "1.2.0", Map.of()),
                    new ConfiguredBinding("SORCERY", null, "path-a", "1.2.0", Map.of()),
                    new ConfiguredBinding("CARE_PATH", ede, "path-a", "2.0.0", Map.of()));
            ConfigurationDocument document = new ConfigurationDocument(1, START, "other", entries);

            for (boolean dryRun : new boolean[] {true, false}) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> runtime.importConfiguration(COORDINATOR, document, "promote", dryRun));
                assertEquals("bindings", e.field());
                String why = e.reason();
                assertTrue(why.contains("5 entries fail"), why);
                assertTrue(why.contains("bindings[1].pluginId: no plugin 'missing-triage'"), why);
                assertTrue(why.contains("bindings[2].configuration.minDomain"), why);
                assertTrue(why.contains("bindings[3].municipality: 'Atlantis' is not a municipality"), why);
                assertTrue(why.contains("bindings[4].point: 'SORCERY' is not an extension point"), why);
                assertTrue(why.contains("bindings[5].pluginVersion: plugin 'path-a' is version 1.2.0 here; the document"
                        + " needs 2.0.0"), why);
                assertFalse(why.contains("bindings[0]"), why);
            }
            assertEquals(before, runtime.bindings(), "nothing applied, not even the valid first entry");
            assertEquals(history, runtime.history(null).size());

            // one bad entry: the problem names that entry's field
            InvalidInputException one = assertThrows(InvalidInputException.class, () -> runtime.importConfiguration(
                    COORDINATOR, new ConfigurationDocument(1, START, "other", List.of(entries.get(0), entries.get(2))),
                    "promote", false));
            assertEquals("bindings[1].configuration.minDomain", one.field());
            assertEquals("region", runtime.effectiveBinding(ExtensionPoint.TRIAGE, null).configuration().get("variant"));

            InvalidInputException version = assertThrows(InvalidInputException.class, () -> runtime.importConfiguration(
                    COORDINATOR, new ConfigurationDocument(2, START, "other", List.of()), "promote", false));
            assertEquals("version", version.field());
            assertTrue(version.reason().contains("document version 2 is unknown"));

            InvalidInputException twice = assertThrows(InvalidInputException.class, () -> runtime.importConfiguration(
                    COORDINATOR, new ConfigurationDocument(1, START, "other", List.of(entries.get(0), entries.get(0))),
                    "promote", false));
            assertTrue(twice.reason().contains("binds TRIAGE (region) again"), twice.reason());

            InvalidInputException noReason = assertThrows(InvalidInputException.class,
                    () -> runtime.importConfiguration(COORDINATOR, runtime.exportConfiguration(COORDINATOR), " ", false));
            assertEquals("reason", noReason.field());
            assertEquals(before, runtime.bindings());
        }

        @Test
        void thePluginsOwnCheckRefusesAnImportedConfigurationAsItRefusesABinding() throws Exception {
            configureA();
            PluginRuntimeTest.Contract.CheckingConnector connector = new PluginRuntimeTest.Contract.CheckingConnector();
            install(ExtensionPoint.LOCAL_TEAM, "localteam-check", "1.0.0", 0, connector);
            List<ConfiguredBinding> entries = new ArrayList<>(runtime.exportConfiguration(COORDINATOR).bindings());
            // a URL where the administrator's endpoint name belongs (decision 0007)
            entries.add(new ConfiguredBinding("LOCAL_TEAM", ede, "localteam-check", "1.0.0",
                    Map.of("baseUrl", "https://listener.invalid/")));
            List<Binding> before = runtime.bindings();
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> runtime.importConfiguration(
                    COORDINATOR, new ConfigurationDocument(1, START, "other", entries), "promote", false));
            assertEquals("bindings[4].configuration.baseUrl", e.field());
            assertTrue(e.reason().contains("plugin 'localteam-check'"), e.reason());
            assertEquals(before, runtime.bindings());

            entries.set(4, new ConfiguredBinding("LOCAL_TEAM", ede, "localteam-check", "1.0.0",
                    Map.of("endpoint", "ede")));
            ConfigurationImport applied = runtime.importConfiguration(COORDINATOR,
                    new ConfigurationDocument(1, START, "other", entries), "promote", false);
            assertEquals(1, applied.differences().size());
            assertEquals(4, applied.unchanged());
            assertEquals(Map.of("endpoint", "ede"), connector.checked.get(connector.checked.size() - 1));
            assertEquals("localteam-check", runtime.effectiveBinding(ExtensionPoint.LOCAL_TEAM, ede).pluginId());
        }

        @Test
        void aPluginVersionIsCompatibleWithTheSameMajorAtLeastAsNew() {
            assertTrue(ConfigurationPromotion.compatible("1.2.0", "1.2.0"));
            assertTrue(ConfigurationPromotion.compatible("1.2.0", "1.2.1.SNAPSHOT"));
            assertTrue(ConfigurationPromotion.compatible("1.2.0", "1.10.0"));
            assertFalse(ConfigurationPromotion.compatible("1.2.0", "1.1.9"));
            assertFalse(ConfigurationPromotion.compatible("1.2.0", "2.0.0"));
            assertFalse(ConfigurationPromotion.compatible("2.0.0", "1.9.0"));
            assertFalse(ConfigurationPromotion.compatible("x", "1.0.0"));
        }
    }

    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    class OnPostgreSql extends Contract {
        @Override
        boolean onPostgres() {
            return true;
        }
    }
}
