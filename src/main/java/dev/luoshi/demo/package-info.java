/**
 * The demo city: on an empty database, a fictional district (临江区) with its departments,
 * streets, communities, leaders and their portfolios, and a few accounts of each role, so
 * that a new user sees a living system at once. Each capability adds its demo data here,
 * consistent with the rest.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "identity",
		"calendar", "work", "project", "supervision", "indicator", "evaluation" })
package dev.luoshi.demo;
