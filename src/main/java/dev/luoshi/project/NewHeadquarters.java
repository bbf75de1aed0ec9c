package dev.luoshi.project;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A command headquarters (指挥部) to set up, under a parent for a specialised one. */
public record NewHeadquarters(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}_.\\-]+") String code,
		@NotBlank @Size(max = 200) String name, Long parentId, Long commanderId, List<@NotNull Long> memberIds) {
}
