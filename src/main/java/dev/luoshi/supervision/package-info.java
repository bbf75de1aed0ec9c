/**
 * The supervision loop (每月一督查; 事前介入、事中跟进、事后评估): findings from inspections, leaders'
 * instructions and meeting decisions; notices (督办单) to units with response deadlines in
 * working hours, acknowledged by a first responder (首问负责), answered and closed;
 * escalation rules kept as data and run on a schedule; rectification verified by someone
 * other than who submitted it; the lagging list.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "identity", "calendar", "work", "project", "notification" })
package dev.luoshi.supervision;
