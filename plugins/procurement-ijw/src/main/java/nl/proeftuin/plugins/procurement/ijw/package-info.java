/**
 * iJw messages (JW315 / JW301) plugin (plugin id {@code procurement-ijw}). Care requests as iJw JW315 messages, JW301 allocations mapped back onto the plan, validated. The bundle exports nothing.
 */
package nl.proeftuin.plugins.procurement.ijw;
