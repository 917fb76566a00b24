/**
 * TEST ONLY: a deliberately faulty triage plugin (plugin id {@code test-faulty}) for the core's fault
 * isolation tests. In no feature; never deployed. The bundle exports nothing.
 */
package nl.proeftuin.plugins.test.faulty;
