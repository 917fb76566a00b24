/**
 * Three-way triage plugin (plugin id {@code triage-threeway}): <i>enkelvoudig</i>, <i>complex</i> or
 * <i>meervoudig complex</i>, as suggested in the national consultation on the
 * <i>Toekomstscenario kind- en gezinsbescherming</i>. The criteria and their configuration keys are
 * documented on {@code internal.ThreeWayCriteria} and in {@code plugins/README.md}. The bundle exports
 * nothing.
 */
package nl.proeftuin.plugins.triage.threeway;
