/**
 * Example triage plugin: the smallest complete plugin, to be copied. The implementation is in the
 * {@code internal} package; a plugin exports nothing (the import check enforces it), so this package
 * is empty apart from this documentation.
 */
package nl.proeftuin.plugins.example.triage;
