package dev.luoshi.web;

import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.notification.Notifications;

import org.springframework.stereotype.Component;

/**
 * What the page header looks up while it renders ({@code @pageHeader} in the layout), so
 * that only pages pay for it.
 */
@Component("pageHeader")
public class PageHeader {

	private final Notifications notifications;

	PageHeader(Notifications notifications) {
		this.notifications = notifications;
	}

	/** How many unread notifications the signed-in user has. */
	public long unread() {
		return CurrentUsers.current().map((user) -> this.notifications.unread(user.accountId())).orElse(0L);
	}

}
