package dev.luoshi.bulletin;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bulletin issued: its document number (发文字号), the day it was first issued, and the
 * latest generated document ({@code content}, left out where only the record is shown).
 */
public record Bulletin(long id, Kind kind, String number, LocalDate issuedOn, String fileName, Instant generatedAt,
		byte[] content) {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	public enum Kind {

		/** 督查通报: a month's supervision. */
		SUPERVISION,
		/** 排名通报: a published ranking. */
		RANKING

	}

}
