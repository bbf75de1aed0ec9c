package dev.luoshi.work;

/** Filters of a task list; each optional. */
public record TaskQuery(Light light, Long unitId, Long campaignId, TaskStatus status) {
}
