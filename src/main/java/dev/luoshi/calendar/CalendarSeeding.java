package dev.luoshi.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, seeds each year of the project's data file that the database does not have
 * yet; safe when several nodes start at once.
 */
@Component
@Order(10)
class CalendarSeeding implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CalendarSeeding.class);

	private final Calendar calendar;

	private final CalendarImports imports;

	private final CalendarRepository repository;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CalendarSeeding(Calendar calendar, CalendarImports imports, CalendarRepository repository,
			TransactionTemplate transaction, Clock clock) {
		this.calendar = calendar;
		this.imports = imports;
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Integer> known = this.calendar.publishedYears();
		int seeded = 0;
		for (Map.Entry<Integer, List<CalendarRepository.Day>> year : this.imports.bundledYears().entrySet()) {
			if (known.contains(year.getKey())) {
				continue;
			}
			try {
				this.transaction.executeWithoutResult((status) -> this.repository.replace(year.getKey(),
						"国务院办公厅节假日安排通知", year.getValue(), this.clock.instant()));
				seeded++;
			}
			catch (DataIntegrityViolationException ex) {
				log.debug("Another node seeded {} first", year.getKey());
			}
		}
		this.calendar.invalidate();
		if (seeded > 0) {
			log.info("Seeded the working-day calendar with {} years of official schedules", seeded);
		}
	}

}
