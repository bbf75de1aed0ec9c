package dev.luoshi.supervision;

/**
 * Where a notice stands: OPEN → ACKNOWLEDGED → RESPONDED → CLOSED. OVERDUE is how an open
 * or acknowledged notice reads once its response deadline has passed.
 */
public enum NoticeStatus {

	OPEN, ACKNOWLEDGED, RESPONDED, CLOSED, OVERDUE

}
