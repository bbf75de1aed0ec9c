/**
 * Cross-cutting HTTP concerns only: security filter chains, problem details for every
 * error, locale resolution, OpenAPI and the application shell's pages.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "organization", "notification" })
package dev.luoshi.web;
