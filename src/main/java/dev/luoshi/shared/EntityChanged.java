package dev.luoshi.shared;

/**
 * Published synchronously, inside the transaction that made the change, by every module
 * that changes data; the audit module records it in the same transaction.
 *
 * @param entityType the resource's singular name as in its API path ({@code unit},
 * {@code user} …)
 * @param entityId the resource's id
 * @param action what happened, e.g. {@code CREATED}, {@code UPDATED}, {@code MOVED}
 * @param before the state before (null for a creation)
 * @param after the state after (null for a deletion)
 */
public record EntityChanged(String entityType, String entityId, String action, Object before, Object after) {

	public static EntityChanged created(String entityType, Object id, Object after) {
		return new EntityChanged(entityType, String.valueOf(id), "CREATED", null, after);
	}

	public static EntityChanged updated(String entityType, Object id, Object before, Object after) {
		return new EntityChanged(entityType, String.valueOf(id), "UPDATED", before, after);
	}

}
