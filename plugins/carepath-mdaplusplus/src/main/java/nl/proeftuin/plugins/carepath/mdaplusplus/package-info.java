/**
 * MDA++ care path plugin (plugin id {@code carepath-mdaplusplus}). The MDA++ path for severe recurring domestic violence: entry criteria, core team, phases with entry and exit criteria, analysis before interventions, repeat incidents. The bundle exports nothing.
 */
package nl.proeftuin.plugins.carepath.mdaplusplus;
