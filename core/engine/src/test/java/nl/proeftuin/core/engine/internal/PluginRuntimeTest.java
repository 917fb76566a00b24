package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.Triage;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bindings, their history and hash, default bindings and the registry, on H2 and PostgreSQL. */
class PluginRuntimeTest {

    abstract static class Contract extends PluginTestBase {

        @Test
        void aMunicipalityBindingOverridesTheRegionsUntilItIsRemoved() {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            String ede = registered(unique("Ede"));
            Binding region = bindRegion("alpha", Map.of());
            Binding own = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, ede,
                    new BindingInput("beta", Map.of("variant", "ede"), "Ede pilots beta"));

            assertEquals("beta", runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId());
            assertEquals(Map.of("variant", "ede"), runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).configuration());
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, registered(unique("Arnhem"))).pluginId());
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, null).pluginId());
            assertNull(runtime.effectiveBinding(ExtensionPoint.CARE_PATH, ede));
            assertNull(region.municipality());
            assertEquals(ede, own.municipality());
            assertTrue(own.revision() > region.revision());
            assertEquals(List.of("alpha", "beta"), runtime.bindings().stream().map(Binding::pluginId).toList());

            runtime.unbind(COORDINATOR, ExtensionPoint.TRIAGE, ede, "pilot over");
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId());
            assertEquals(1, runtime.bindings().size());

            runtime.unbind(COORDINATOR, ExtensionPoint.TRIAGE, null, "no automatic triage");
            assertNull(runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede));
            assertThrows(NotFoundException.class, () -> runtime.unbind(COORDINATOR, ExtensionPoint.TRIAGE, ede, "again"));
        }

        @Test
        void everyChangeIsInTheHistoryWithOldAndNewWhoWhenAndWhy() {
            installTriage("alpha", new RuleTriage());
            installTriage("beta", new RuleTriage());
            String ede = registered(unique("Ede"));
            Binding first = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, ede,
                    new BindingInput("alpha", Map.of("a", "1"), "start"));
            Binding second = runtime.bind(ANS, ExtensionPoint.TRIAGE, ede,
                    new BindingInput("beta", Map.of("b", "2"), "beta is better"));
            runtime.unbind(COORDINATOR, ExtensionPoint.TRIAGE, ede, "back to the region");
            Binding again = runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, ede,
                    new BindingInput("alpha", Map.of(), "once more"));

            List<BindingChange> history = runtime.history(ExtensionPoint.TRIAGE).stream()
                    .filter(x -> ede.equals(x.municipality())).toList();
            assertEquals(4, history.size());
            BindingChange rebound = history.get(0);
            BindingChange unbound = history.get(1);
            BindingChange swapped = history.get(2);
            BindingChange created = history.get(3);
            assertEquals(again.revision(), rebound.id());
            assertTrue(again.revision() > second.revision(), "revision increases across an unbind");
            assertTrue(second.revision() > first.revision());

            assertNull(created.oldPluginId());
            assertNull(created.oldConfiguration());
            assertEquals("alpha", created.newPluginId());
            assertEquals(Map.of("a", "1"), created.newConfiguration());
            assertEquals("coordinator", created.by());
            assertEquals("start", created.reason());
            assertEquals(START, created.at());

            assertEquals("alpha", swapped.oldPluginId());
            assertEquals(Map.of("a", "1"), swapped.oldConfiguration());
            assertEquals("beta", swapped.newPluginId());
            assertEquals("ans", swapped.by());
            assertEquals("beta is better", swapped.reason());

            assertEquals("beta", unbound.oldPluginId());
            assertNull(unbound.newPluginId());
            assertNull(unbound.newConfiguration());
            assertEquals("back to the region", unbound.reason());

            assertTrue(runtime.history(ExtensionPoint.CARE_PATH).stream().noneMatch(x -> ede.equals(x.municipality())));
            assertTrue(runtime.history(null).stream().filter(x -> ede.equals(x.municipality())).count() == 4);
        }

        @Test
        void theConfigurationHashIsTheSha256OfTheSortedJsonWhateverTheOrderGiven() throws Exception {
            installTriage("alpha", new RuleTriage());
            Map<String, String> zFirst = new LinkedHashMap<>();
            zFirst.put("z", "1");
            zFirst.put("a", "é=2");
            Map<String, String> aFirst = new LinkedHashMap<>();
            aFirst.put("a", "é=2");
            aFirst.put("z", "1");

            Binding one = bindRegion("alpha", zFirst);
            Binding two = bindRegion("alpha", aFirst);
            assertEquals(sha256("{\"a\":\"é=2\",\"z\":\"1\"}"), one.configurationHash());
            assertEquals(one.configurationHash(), two.configurationHash());
            assertEquals(List.of("a", "z"), List.copyOf(two.configuration().keySet()));
            assertNotEquals(one.configurationHash(), bindRegion("alpha", Map.of("a", "é=3", "z", "1")).configurationHash());
            assertEquals(sha256("{}"), bindRegion("alpha", null).configurationHash());
            // and it is what a reader on another node computes from the stored binding
            assertEquals(sha256("{}"), runtime.effectiveBinding(ExtensionPoint.TRIAGE, null).configurationHash());
        }

        @Test
        void bindRefusesAnAbsentPluginAndInvalidInput() {
            installTriage("alpha", new RuleTriage());
            install(ExtensionPoint.CARE_PATH, "mda-plus-plus", "1.0.0", 0, new Object());
            assertRule("plugin-not-present", () -> bindRegion("gamma", Map.of()));
            // present, but for another extension point
            assertRule("plugin-not-present", () -> bindRegion("mda-plus-plus", Map.of()));
            assertInvalid("reason", () -> runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, null,
                    new BindingInput("alpha", Map.of(), " ")));
            assertInvalid("pluginId", () -> bindRegion("Alpha Triage", Map.of()));
            assertInvalid("pluginId", () -> bindRegion("core-fallback", Map.of()));
            assertInvalid("municipality", () -> runtime.bind(COORDINATOR, ExtensionPoint.TRIAGE, "*",
                    new BindingInput("alpha", Map.of(), "why")));
            Map<String, String> nullValue = new LinkedHashMap<>();
            nullValue.put("k", null);
            assertInvalid("configuration.k", () -> bindRegion("alpha", nullValue));
            assertInvalid("point", () -> runtime.bind(COORDINATOR, null, null, new BindingInput("alpha", Map.of(), "x")));
            assertInvalid("actor", () -> runtime.bind(null, ExtensionPoint.TRIAGE, null,
                    new BindingInput("alpha", Map.of(), "x")));
            assertInvalid("limit", () -> runtime.alerts(0));
            assertTrue(runtime.bindings().isEmpty(), "nothing was written");
        }

        /** A connector that accepts only {@code endpoint} naming one of its configured endpoints. */
        static final class CheckingConnector implements nl.proeftuin.core.spi.LocalTeamConnector,
                nl.proeftuin.core.spi.ConfigurationCheck {
            final List<Map<String, String>> checked = new java.util.ArrayList<>();

            @Override
            public nl.proeftuin.core.spi.DeliveryResult deliver(nl.proeftuin.core.spi.OutboundEvent event,
                    Map<String, String> configuration) {
                throw new AssertionError("not called here");
            }

            @Override
            public void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration) {
                checked.add(configuration);
                for (String key : configuration.keySet()) {
                    if (!key.equals("endpoint")) {
                        throw new nl.proeftuin.core.api.InvalidInputException("configuration." + key, "is not allowed");
                    }
                }
                if ("broken".equals(configuration.get("endpoint"))) {
                    throw new IllegalStateException("endpoint 'broken' is not configured");
                }
            }
        }

        @Test
        void bindLetsThePluginRefuseItsConfigurationAndStoresNothing() {
            CheckingConnector connector = new CheckingConnector();
            install(ExtensionPoint.LOCAL_TEAM, "localteam-check", "1.0.0", 0, connector);
            String ede = registered(unique("Ede"));
            assertInvalid("configuration.baseUrl", () -> runtime.bind(COORDINATOR, ExtensionPoint.LOCAL_TEAM, ede,
                    new BindingInput("localteam-check", Map.of("baseUrl", "http://127.0.0.1:9/",
                            "credentialsReference", "arnhem.localteam.inbound"), "x")));
            assertInvalid("configuration", () -> runtime.bind(COORDINATOR, ExtensionPoint.LOCAL_TEAM, ede,
                    new BindingInput("localteam-check", Map.of("endpoint", "broken"), "x")));
            assertEquals(null, runtime.effectiveBinding(ExtensionPoint.LOCAL_TEAM, ede), "nothing was stored");
            assertTrue(runtime.history(ExtensionPoint.LOCAL_TEAM).isEmpty(), "nor in the history");

            Binding ok = runtime.bind(COORDINATOR, ExtensionPoint.LOCAL_TEAM, ede,
                    new BindingInput("localteam-check", Map.of("endpoint", "ede"), "x"));
            assertEquals(Map.of("endpoint", "ede"), ok.configuration());
            assertEquals(3, connector.checked.size());
        }

        /** A metatype resource as bnd writes it from an {@code @ObjectClassDefinition}. */
        static final String METATYPE = """
                <?xml version="1.0" encoding="UTF-8"?>
                <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0" localization="OSGI-INF/l10n/x">
                  <OCD id="typed-triage" name="Typed triage" description="A triage with typed settings">
                    <AD id="complex.minProblemDomains" type="Integer" default="3" min="0" max="9" name="Complex from"
                        description="Life domains"/>
                    <AD id="complex.onSafetyConcern" type="String" default="SERIOUS" name="Safety">
                      <Option label="Serious" value="SERIOUS"/>
                      <Option label="Off" value="OFF"/>
                    </AD>
                    <AD id="onRepeatedViolence" type="Boolean" default="true" name="Violence"/>
                  </OCD>
                </metatype:MetaData>
                """;

        @Test
        void bindChecksTheConfigurationAgainstThePluginsDeclaredDefinitionAndStoresNothingWrong() throws Exception {
            var schema = PluginConfigurations.parse(
                    new java.io.ByteArrayInputStream(METATYPE.getBytes(StandardCharsets.UTF_8)), "typed-triage");
            assertEquals(List.of("complex.minProblemDomains", "complex.onSafetyConcern", "onRepeatedViolence"),
                    schema.keys().stream().map(k -> k.key()).toList());
            assertEquals("3", schema.keys().get(0).defaultValue());
            assertEquals("Integer", schema.keys().get(0).type());
            assertEquals(List.of("SERIOUS", "OFF"), schema.keys().get(1).options().stream().map(o -> o.value()).toList());
            registry.add(new PluginInfo("typed-triage", ExtensionPoint.TRIAGE, "test.typed", "1.0.0", 9001, schema), 0,
                    new RuleTriage());

            // a misspelt key (the plugin would fall back with an alert on every call): refused, named
            assertInvalid("configuration.complex.minProblemDomain",
                    () -> bindRegion("typed-triage", Map.of("complex.minProblemDomain", "4")));
            assertInvalid("configuration.complex.minProblemDomains",
                    () -> bindRegion("typed-triage", Map.of("complex.minProblemDomains", "three")));
            assertInvalid("configuration.complex.minProblemDomains",
                    () -> bindRegion("typed-triage", Map.of("complex.minProblemDomains", "12")));
            assertInvalid("configuration.complex.onSafetyConcern",
                    () -> bindRegion("typed-triage", Map.of("complex.onSafetyConcern", "SEVERE")));
            assertInvalid("configuration.onRepeatedViolence",
                    () -> bindRegion("typed-triage", Map.of("onRepeatedViolence", "ja")));
            assertNull(runtime.effectiveBinding(ExtensionPoint.TRIAGE, null), "nothing was stored");
            assertTrue(runtime.history(ExtensionPoint.TRIAGE).isEmpty(), "nor in the history");

            Binding ok = bindRegion("typed-triage", Map.of("complex.minProblemDomains", "4",
                    "complex.onSafetyConcern", "off", "onRepeatedViolence", "false"));
            assertEquals("4", ok.configuration().get("complex.minProblemDomains"));
            assertEquals(schema, runtime.plugins().stream().filter(p -> p.pluginId().equals("typed-triage"))
                    .findFirst().orElseThrow().configuration(), "the schema is listed with the plugin");
        }

        @Test
        void aDefaultBindingIsCreatedWhenAbsentAndNeverOverwritesAnExistingOne() {
            String ede = registered(unique("Ede"));
            // the plugin is not installed yet: a default binds it anyway
            DefaultBinding region = new DefaultBinding(ExtensionPoint.TRIAGE, "", "three-way-triage",
                    new String[] {"variant=gelderland", "url=https://x.invalid/?a=b"}, "region default", database,
                    bindingStore, clock);
            assertTrue(region.created);
            Binding b = runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede);
            assertEquals("three-way-triage", b.pluginId());
            assertEquals(Map.of("variant", "gelderland", "url", "https://x.invalid/?a=b"), b.configuration());
            BindingChange change = runtime.history(ExtensionPoint.TRIAGE).get(0);
            assertEquals(DefaultBinding.ACTOR, change.by());
            assertEquals("region default", change.reason());

            // a coordinator changes it; the default, applied again (restart, reinstall), leaves it alone
            installTriage("alpha", new RuleTriage());
            Binding chosen = bindRegion("alpha", Map.of());
            DefaultBinding again = new DefaultBinding(ExtensionPoint.TRIAGE, "", "three-way-triage", new String[0],
                    "region default", database, bindingStore, clock);
            assertFalse(again.created);
            assertEquals(chosen, runtime.effectiveBinding(ExtensionPoint.TRIAGE, null));
            assertEquals(chosen.revision(), runtime.history(ExtensionPoint.TRIAGE).get(0).id());

            // a municipality's default is its own scope
            DefaultBinding own = new DefaultBinding(ExtensionPoint.TRIAGE, ede, "joint-triage", null, "Ede's default",
                    database, bindingStore, clock);
            assertTrue(own.created);
            assertEquals("joint-triage", runtime.effectiveBinding(ExtensionPoint.TRIAGE, ede).pluginId());
            assertEquals("alpha", runtime.effectiveBinding(ExtensionPoint.TRIAGE, null).pluginId());

            assertThrows(IllegalArgumentException.class, () -> DefaultBinding.entries(new String[] {"novalue"}));
            assertThrows(IllegalArgumentException.class, () -> DefaultBinding.entries(new String[] {"a=1", "a=2"}));
        }

        @Test
        void theHighestRankedServiceWinsADuplicatePluginIdThenTheOldest() {
            RuleTriage low = new RuleTriage();
            RuleTriage high = new RuleTriage();
            RuleTriage older = new RuleTriage();
            long lowId = install(ExtensionPoint.TRIAGE, "alpha", "1.0.0", 0, low);
            long highId = install(ExtensionPoint.TRIAGE, "alpha", "2.0.0", 10, high);
            assertEquals(highId, registry.lookup(ExtensionPoint.TRIAGE, "alpha", Triage.class).orElseThrow()
                    .info().serviceId());
            registry.remove(highId);
            install(ExtensionPoint.TRIAGE, "alpha", "3.0.0", 0, older);
            assertEquals(lowId, registry.lookup(ExtensionPoint.TRIAGE, "alpha", Triage.class).orElseThrow()
                    .info().serviceId(), "same ranking: the lowest service id");
            assertTrue(registry.lookup(ExtensionPoint.CARE_PATH, "alpha", Object.class).isEmpty());
            List<PluginInfo> plugins = runtime.plugins();
            assertEquals(2, plugins.size());
            assertEquals("test.alpha", plugins.get(0).bundle());
        }

        private static String sha256(String s) throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
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
