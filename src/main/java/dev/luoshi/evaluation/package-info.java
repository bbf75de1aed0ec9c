/**
 * The horse race (赛马比拼): schemes of weighted indicators per year and peer group, scores
 * measured set-wise from the task book, projects, supervision and indicators, bonus and
 * penalty items with error-tolerance exemptions (容错免责), ranking snapshots per period with
 * movement and a published board (晾晒), the annual assessment with graded quotas,
 * exemplary cadres (担当者) and each person's record of results (实绩档案).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "identity",
		"calendar", "work", "project", "supervision", "indicator", "notification" })
package dev.luoshi.evaluation;
