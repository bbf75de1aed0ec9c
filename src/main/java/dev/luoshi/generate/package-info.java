/**
 * A data generator for measuring speed: fills an empty database with a consistent,
 * realistic data set of a province, a city or a tiny one (units, people, accounts,
 * campaigns and task books with milestones and two years of reports, key projects with
 * five years of monthly figures, notices, a scheme over every peer group with two
 * quarters ranked). For speed it writes the tables directly in batches; the lights are
 * then computed by the modules themselves when the server starts.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "identity", "supervision", "evaluation" })
package dev.luoshi.generate;
