/**
 * The living case's tables (issue 14, decision 0032): measures and parental authority per child, member
 * changes, linked signals, separate-case reasons and review requests.
 */
@Export
@Version("1.2.0")
package nl.proeftuin.core.store.living;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
