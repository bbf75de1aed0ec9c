package dev.luoshi.work;

/** Whether a task is still being worked on. */
public enum TaskStatus {

	OPEN, DONE, CANCELLED

}
