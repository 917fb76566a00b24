/**
 * regional contract register plugin (plugin id {@code procurement-contracts}). Which care is contracted for which municipality, with capacity and waiting time; offers sorted by waiting time, priority, maatwerk requests with a decision deadline. The bundle exports nothing.
 */
package nl.proeftuin.plugins.procurement.contracts;
