package dev.luoshi.project;

import java.util.List;

import dev.luoshi.work.PersonRef;

/**
 * A command headquarters with its commander, members and how deep it sits in the tree.
 */
public record Headquarters(long id, String code, String name, Long parentId, int depth, PersonRef commander,
		List<PersonRef> members, long version) {
}
