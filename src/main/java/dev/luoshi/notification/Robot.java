package dev.luoshi.notification;

/** A group robot; its secret is never shown, only whether it has one. */
public record Robot(long id, Long unitId, RobotKind kind, String name, String url, boolean signed, boolean enabled) {
}
