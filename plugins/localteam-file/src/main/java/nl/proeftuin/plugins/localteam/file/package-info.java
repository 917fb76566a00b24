/**
 * local-team connector through CSV files plugin (plugin id {@code localteam-file}). Batch exchange with a municipality's local team as CSV files in a directory: import with a report of every bad row, export of the same shape. The bundle exports nothing.
 */
package nl.proeftuin.plugins.localteam.file;
