/**
 * The joint local triage of the Zorg- en Veiligheidshuis: a municipal safety director and the
 * Veiligheidshuis process director (<i>procesregisseur</i>) decide together whether a case stays
 * local or goes to a Veiligheidshuis table or MDA++. The implementation is in the {@code internal}
 * package; a plugin exports nothing, so this package is empty apart from this documentation.
 */
package nl.proeftuin.plugins.triage.veiligheidshuis;
