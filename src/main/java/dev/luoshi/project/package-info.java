/**
 * Key projects (重点项目) under command headquarters (指挥部): investment plans by year and
 * month with their first-quarter targets (开门红), monthly completed-investment figures,
 * phase milestones, problems needing coordination, lights against the time-proportional
 * plan, exact summaries and the project ledgers in Excel.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "identity", "calendar", "work" })
package dev.luoshi.project;
