package dev.luoshi.organization;

/** A unit named briefly, e.g. as one step of another unit's path. */
public record UnitRef(long id, String code, String name) {
}
