/**
 * The horse race (赛马比拼): yearly schemes with weighted indicators, quarterly rankings of
 * units within their peer groups with rank movement, bonus and penalty items with
 * error-tolerance exemptions (容错免责), annual grades, the selection of exemplary cadres
 * (担当者) and each person's record of results (实绩档案).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "identity",
		"calendar", "work", "project", "supervision", "notification" })
package dev.luoshi.evaluation;
