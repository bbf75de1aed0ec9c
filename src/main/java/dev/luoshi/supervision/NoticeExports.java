package dev.luoshi.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.luoshi.shared.LedgerWorkbook;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice register (督办台账) as an Excel ledger: the notices the caller may see, filtered
 * as on the page, with their answers and times in the configured zone.
 */
@Service
@Transactional(readOnly = true)
public class NoticeExports {

	static final List<String> HEADINGS = List.of("文号", "级别", "责任单位", "督办事项", "督办要求", "发出时间", "回复时限", "状态", "签收时间",
			"回复内容", "回复时间", "办结时间");

	/** At most this many notices in one ledger. */
	private static final int MAX_ROWS = 50_000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notices notices;

	private final MessageSource messages;

	private final Clock clock;

	NoticeExports(Notices notices, MessageSource messages, Clock clock) {
		this.notices = notices;
		this.messages = messages;
		this.clock = clock;
	}

	public byte[] ledger(Long unitId, NoticeLevel level, NoticeStatus status) {
		return LedgerWorkbook.write("督办台账", "督办台账", HEADINGS, (ledger) -> {
			int written = 0;
			for (int page = 0; written < MAX_ROWS; page++) {
				Page<Notice> batch = this.notices.notices(unitId, level, status,
						PageRequest.of(page, PageRequest.MAX_SIZE));
				for (Notice notice : batch.items()) {
					var row = ledger.row();
					ledger.text(row, 0, notice.number());
					ledger.text(row, 1, notice.level().prefix());
					ledger.text(row, 2, notice.unitName());
					ledger.text(row, 3, notice.subject());
					ledger.text(row, 4, notice.body());
					ledger.text(row, 5, time(notice.issuedAt()));
					ledger.text(row, 6, time(notice.dueAt()));
					ledger.text(row, 7, label(notice.status()));
					ledger.text(row, 8, time(notice.acknowledgedAt()));
					ledger.text(row, 9, notice.response());
					ledger.text(row, 10, time(notice.respondedAt()));
					ledger.text(row, 11, time(notice.closedAt()));
					written++;
				}
				if (batch.items().size() < PageRequest.MAX_SIZE) {
					break;
				}
			}
			ledger.widths(18, 6, 20, 36, 36, 17, 17, 10, 17, 40, 17, 17);
		});
	}

	private String time(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.clock.getZone())) : null;
	}

	/** A state as the pages name it in Chinese, the ledger's language. */
	private String label(NoticeStatus status) {
		return this.messages.getMessage("notice.status." + status.name(), null, Locale.SIMPLIFIED_CHINESE);
	}

}
