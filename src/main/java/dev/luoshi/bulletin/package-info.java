/**
 * Generated documents in the official layout (GB/T 9704-2012): the monthly supervision
 * bulletin (督查通报) from the month's notices, overdue items, rectification and lights, and
 * the ranking bulletin (排名通报) of a published ranking; each numbered per year (发文字号) and
 * stored, and report books (报告簿) that generate them on a working day of every month and
 * deliver them to chosen accounts' inboxes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "identity",
		"calendar", "work", "supervision", "evaluation", "notification" })
package dev.luoshi.bulletin;
