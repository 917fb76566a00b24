/**
 * local-team connector over REST plugin (plugin id {@code localteam-rest}). JSON over HTTP to a municipality's local-team system: outbound events with idempotency keys, inbound requests validated. The bundle exports nothing.
 */
package nl.proeftuin.plugins.localteam.rest;
