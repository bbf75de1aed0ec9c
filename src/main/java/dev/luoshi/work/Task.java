package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A task of a task book with its milestones, and in a tree its children. {@code code} is
 * its outline number (e.g. 2.1.3); {@code progress} is 0–100, for a parent the weighted
 * mean of its children; {@code light} is the worst of its own and its children's.
 */
public record Task(long id, long campaignId, Long parentId, String code, String title, Target target, long leadUnitId,
		String leadUnitName, List<Long> cooperatingUnitIds, Long territorialUnitId, PersonRef responsibleLeader,
		LocalDate startDate, LocalDate deadline, LocalDate baselineDeadline, BigDecimal weight, TaskStatus status,
		BigDecimal progress, Light light, List<Milestone> milestones, List<Task> children, int version) {

	Task withChildren(List<Task> newChildren) {
		return new Task(this.id, this.campaignId, this.parentId, this.code, this.title, this.target, this.leadUnitId,
				this.leadUnitName, this.cooperatingUnitIds, this.territorialUnitId, this.responsibleLeader,
				this.startDate, this.deadline, this.baselineDeadline, this.weight, this.status, this.progress,
				this.light, this.milestones, newChildren, this.version);
	}

}
