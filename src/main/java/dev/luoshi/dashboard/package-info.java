/**
 * The read side for leaders: the battle map (挂图作战) of a campaign, a headquarters, a
 * leader's portfolio or a unit, with lights, the task tree, the projects, a Gantt of
 * milestones against the official calendar, investment by month, what is overdue or
 * lagging and the latest notices; the cockpit (驾驶舱) for a meeting's projector; the
 * landing page's campaign overview. Only queries: every figure comes from the other
 * modules' facades, within the caller's data scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "identity",
		"calendar", "work", "project", "supervision", "evaluation", "indicator" })
package dev.luoshi.dashboard;
