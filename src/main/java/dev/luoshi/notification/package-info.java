/**
 * Notifications: an in-app inbox per account, and deliveries by e-mail and to DingTalk,
 * WeCom and Feishu group robots. Deliveries are written in the same transaction as what
 * caused them (an outbox), sent outside quiet hours, retried when a channel is down and
 * never lost.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization" })
package dev.luoshi.notification;
