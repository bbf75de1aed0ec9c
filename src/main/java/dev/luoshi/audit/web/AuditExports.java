package dev.luoshi.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.luoshi.audit.AuditTrail;
import dev.luoshi.audit.ExportedEvent;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.SupportedDates;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an export of the audit trail straight to the response, a batch of events at a
 * time, as CSV (with a byte order mark, so that Excel reads the Chinese) or as JSON
 * lines. Both carry every field exactly as digested, so the export can be verified
 * offline.
 */
@Component
class AuditExports {

	static final String CSV = "csv";

	static final String JSON_LINES = "jsonl";

	private static final String HEADER = "seq,at,actor,entityType,entityId,action,algorithm,digest,previousDigest,before,after";

	private final AuditTrail trail;

	private final JsonMapper json;

	AuditExports(AuditTrail trail, JsonMapper json) {
		this.trail = trail;
		this.json = json;
	}

	/** Refuses a wrong format or range (400) before anything is written. */
	static void check(LocalDate from, LocalDate to, String format) {
		if (!CSV.equals(format) && !JSON_LINES.equals(format)) {
			throw DomainException.invalid("format", "audit-export-format", "format must be csv or jsonl", format);
		}
		SupportedDates.require("from", from);
		SupportedDates.require("to", to);
		if (from != null && to != null && from.isAfter(to)) {
			throw DomainException.invalid("to", "audit-export-range", "to must not be before from", from, to);
		}
	}

	void write(LocalDate from, LocalDate to, String format, HttpServletResponse response) throws IOException {
		check(from, to, format);
		this.trail.recordExport(from, to, format);
		boolean csv = CSV.equals(format);
		response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("audit-" + ((from != null) ? from : "start") + "-" + ((to != null) ? to : "now") + "." + format)
			.build()
			.toString());
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		if (csv) {
			out.write('\uFEFF');
			out.write(HEADER);
			out.write("\r\n");
		}
		this.trail.export(from, to, (event) -> {
			try {
				out.write(csv ? csvLine(event) : jsonLine(event));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	private String at(ExportedEvent event) {
		return OffsetDateTime.ofInstant(event.at(), this.trail.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private String csvLine(ExportedEvent event) {
		return String.join(",", Long.toString(event.seq()), at(event), cell(event.actor()), cell(event.entityType()),
				cell(event.entityId()), cell(event.action()), event.algorithm(), event.digest(), event.previousDigest(),
				cell(event.before()), cell(event.after())) + "\r\n";
	}

	private String jsonLine(ExportedEvent event) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("seq", event.seq());
		line.put("at", at(event));
		line.put("actor", event.actor());
		line.put("entityType", event.entityType());
		line.put("entityId", event.entityId());
		line.put("action", event.action());
		line.put("before", event.before());
		line.put("after", event.after());
		line.put("algorithm", event.algorithm());
		line.put("digest", event.digest());
		line.put("previousDigest", event.previousDigest());
		return this.json.writeValueAsString(line) + "\n";
	}

	/**
	 * A CSV cell: quoted when it holds a comma, a quote or a line break; empty for null.
	 */
	static String cell(String text) {
		if (text == null) {
			return "";
		}
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
