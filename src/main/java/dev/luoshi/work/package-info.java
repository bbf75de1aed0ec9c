/**
 * Campaigns and their task books: decomposition into a tree of tasks with owners and
 * targets, milestones scheduled backwards from deadlines in working days (倒排), progress
 * reports and their review (跟踪反馈), deadline and target adjustments, lights computed from
 * milestones and progress against time elapsed, and responsibility letters (责任状) frozen
 * by a digest when signed.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "identity", "calendar" })
package dev.luoshi.work;
