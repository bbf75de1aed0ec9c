package dev.luoshi.notification;

/** The group robots whose message formats Luoshi speaks. */
public enum RobotKind {

	DINGTALK, WECOM, FEISHU

}
