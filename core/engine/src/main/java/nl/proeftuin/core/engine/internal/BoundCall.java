package nl.proeftuin.core.engine.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.Provenance;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to the plugin a request resolved, the same way for every extension point that has no
 * flow of its own (care path, local team, procurement; triage keeps its own in
 * {@link BoundTriageService}): unbound, absent, throwing, overrunning or unusable answers become a
 * fallback with the alert kind and a reason in words; the caller decides what the fallback means
 * and whether it raises the alert.
 */
final class BoundCall {

    private static final Logger LOG = LoggerFactory.getLogger(BoundCall.class);

    private final ServicePluginRegistry registry;
    private final TimeBoxedPluginCalls calls;
    private final String coreBundle;
    private final String coreVersion;

    BoundCall(ServicePluginRegistry registry, TimeBoxedPluginCalls calls, Bundle self) {
        this.registry = registry;
        this.calls = calls;
        // Outside a framework (unit tests) there is no bundle; the name is still the bundle's.
        this.coreBundle = self == null ? "nl.proeftuin.core.engine" : self.getSymbolicName();
        this.coreVersion = self == null ? "0.0.0" : self.getVersion().toString();
    }

    /**
     * An answer, or the fallback.
     *
     * @param value          what the plugin returned (null under the fallback)
     * @param binding        the binding resolved, or null
     * @param pluginId       the plugin, or {@code core-fallback}
     * @param bundle         its bundle
     * @param bundleVersion  its version
     * @param alertKind      PLUGIN_UNBOUND, PLUGIN_ABSENT, PLUGIN_FAILED or PLUGIN_TIMEOUT under the fallback
     * @param fallbackReason why, in words, under the fallback
     */
    record Answer<T>(T value, Binding binding, String pluginId, String bundle, String bundleVersion, String alertKind,
            String fallbackReason) {

        boolean fallback() {
            return alertKind != null;
        }

        /** Whether the fallback is worth an alert: an unbound point is a region's choice, not a fault. */
        boolean alarming() {
            return alertKind != null && !BoundTriageService.UNBOUND.equals(alertKind);
        }

        Provenance provenance(String inputDigest, String outputDigest, Instant at) {
            return new Provenance(pluginId, bundle, bundleVersion, binding == null ? null : binding.configurationHash(),
                    binding == null ? 0 : binding.revision(), inputDigest, outputDigest, at);
        }
    }

    /**
     * Calls the plugin of {@code binding} within the time budget.
     *
     * @param point    the extension point
     * @param binding  the binding the request resolved, or null
     * @param type     the extension point's service type
     * @param what     what the call is for, in words ("care path", "local-team connector", ...)
     * @param call     the call
     * @param unusable what is wrong with an answer (null when usable); null answers are unusable already
     */
    <S, T> Answer<T> call(ExtensionPoint point, Binding binding, Class<S> type, String what, Function<S, T> call,
            Function<T, String> unusable) {
        Answer<T> answer = answer(point, binding, type, what, call, unusable);
        if (answer.fallback()) {
            calls.countFallback(point, binding == null ? null : binding.pluginId(), answer.alertKind());
        }
        return answer;
    }

    private <S, T> Answer<T> answer(ExtensionPoint point, Binding binding, Class<S> type, String what,
            Function<S, T> call, Function<T, String> unusable) {
        if (binding == null) {
            return fallback(binding, BoundTriageService.UNBOUND, "no " + what + " is bound");
        }
        Optional<ServicePluginRegistry.Plugin<S>> found = registry.lookup(point, binding.pluginId(), type);
        if (found.isEmpty()) {
            return fallback(binding, BoundTriageService.ABSENT, "the bound " + what + " '" + binding.pluginId()
                    + "' is not installed");
        }
        ServicePluginRegistry.Plugin<S> plugin = found.get();
        String who = "the " + what + " '" + binding.pluginId() + "' (" + plugin.info().bundle() + " "
                + plugin.info().bundleVersion() + ")";
        TimeBoxedPluginCalls.Result<T> result = calls.call(point, binding.pluginId(), () -> call.apply(plugin.service()));
        if (result instanceof TimeBoxedPluginCalls.Overran<T> o) {
            return fallback(binding, BoundTriageService.TIMEOUT, who + " gave no answer: " + o.detail());
        }
        if (result instanceof TimeBoxedPluginCalls.Threw<T> t) {
            LOG.warn("{} failed", who, t.error());
            return fallback(binding, BoundTriageService.FAILED, who + " failed: " + t.error());
        }
        T value = ((TimeBoxedPluginCalls.Returned<T>) result).value();
        String problem = value == null ? "nothing" : unusable.apply(value);
        if (problem != null) {
            return fallback(binding, BoundTriageService.FAILED, who + " returned " + problem);
        }
        return new Answer<>(value, binding, binding.pluginId(), plugin.info().bundle(), plugin.info().bundleVersion(),
                null, null);
    }

    private <T> Answer<T> fallback(Binding binding, String kind, String reason) {
        return new Answer<>(null, binding, BoundTriageService.FALLBACK_ID, coreBundle, coreVersion, kind,
                reason(reason));
    }

    /** The most characters of a fallback's reason that are kept (stored, alerted, shown). */
    static final int MAX_REASON = 500;

    /**
     * A fallback's reason as it is stored, alerted and shown: control characters as spaces, at most
     * {@value #MAX_REASON} characters. A plugin's exception may quote a whole configuration value or input
     * back (10,000 characters): unclipped, the outcome, the alert and the event could not be stored, and
     * the request the fallback exists to save answered 500.
     */
    static String reason(String reason) {
        String plain = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ");
        return plain.length() <= MAX_REASON ? plain : plain.substring(0, MAX_REASON - 1) + "\u2026";
    }
}
