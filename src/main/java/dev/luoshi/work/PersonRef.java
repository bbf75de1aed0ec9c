package dev.luoshi.work;

/** A person named by id and name, e.g. a responsible leader. */
public record PersonRef(long id, String name) {
}
