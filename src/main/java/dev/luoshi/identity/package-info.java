/**
 * Who may sign in and what they may see: accounts linked to people, the six roles, the
 * password policy, lockout after repeated failures, API tokens, the first administrator,
 * and the one {@link dev.luoshi.identity.DataScopes data scope} service that every module
 * asks what a caller may see and change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization" })
package dev.luoshi.identity;
