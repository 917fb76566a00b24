/**
 * Who is calling and what they may see: login sessions ({@link nl.proeftuin.core.security.Authenticator}),
 * users and their roles ({@link nl.proeftuin.core.security.UserAdministration}), need-to-know decisions
 * ({@link nl.proeftuin.core.security.NeedToKnow}) and break-glass access
 * ({@link nl.proeftuin.core.security.BreakGlass}); who may run a shell command for the whole region
 * ({@link nl.proeftuin.core.security.ShellPermission}, since 1.6).
 */
@Export
@Version("1.7.0")
package nl.proeftuin.core.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
