/**
 * Need to know in the database: who may see a case, a person or a household. The one predicate
 * ("on the case's team, or holding a break-glass grant") is written once in core/store and serves
 * both the case search ({@code CaseStore.search}) and core/security's guard ({@link VisibilityStore}).
 * The store takes the caller's {@link java.sql.Connection} and answers facts; the decision (the order
 * of refusals, roles, municipality scope) stays with core/security.
 */
@Export
@Version("1.3.0")
package nl.proeftuin.core.store.visibility;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
