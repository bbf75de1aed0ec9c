package dev.luoshi.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A notice to issue: to a unit, at a level, about a task, a project or a finding, due in
 * so many working hours (by default the level's setting).
 */
public record NewNotice(@NotNull Long unitId, @NotNull NoticeLevel level, @NotBlank @Size(max = 300) String subject,
		@Size(max = 4000) String body, Long taskId, Long projectId, Long findingId,
		@Min(1) @Max(2000) Integer responseDueWorkingHours) {
}
