package dev.luoshi.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

import dev.luoshi.test.Choices;

import tools.jackson.databind.JsonNode;

/**
 * Makes the campaign's bad requests from the API's own description and the pages' routes:
 * a plausible request (real ids, good dates) with one to three things wrong in it, or a
 * request broken as a whole (its JSON, its content type, its upload, its address, its
 * headers). Every choice comes from {@link Choices}, so a case is made again from its
 * seed and shrinks.
 */
final class MalformedRequests {

	static final String JSON = "application/json";

	private static final AtomicLong UNIQUE = new AtomicLong();

	private final List<Operations.Operation> operations;

	private final List<Operations.Operation> withBody;

	private final List<Operations.Operation> withQuery;

	private final List<Operations.Operation> withPath;

	private final List<Operations.Operation> uploads;

	private final List<PageRoutes.Route> pageGets;

	private final List<PageRoutes.Route> pagePosts;

	private final JsonNode components;

	private final FuzzWorld world;

	MalformedRequests(JsonNode document, List<PageRoutes.Route> pages, FuzzWorld world) {
		this.operations = Operations.of(document);
		this.components = document.path("components").path("schemas");
		this.withBody = this.operations.stream().filter((operation) -> operation.body() != null).toList();
		this.withQuery = this.operations.stream()
			.filter((operation) -> !operation.in("query").isEmpty()
					|| (operation.in("path").isEmpty() && operation.body() == null && operation.part() == null))
			.toList();
		this.withPath = this.operations.stream().filter((operation) -> !operation.in("path").isEmpty()).toList();
		this.uploads = this.operations.stream().filter((operation) -> operation.part() != null).toList();
		this.pageGets = pages.stream().filter((route) -> route.method().equals("GET")).toList();
		this.pagePosts = pages.stream().filter((route) -> route.method().equals("POST")).toList();
		this.world = world;
	}

	List<Operations.Operation> operations() {
		return this.operations;
	}

	/** The next bad request. */
	Attempt next(Choices choices) {
		int kind = choices.below(100);
		if (kind < 40) {
			return jsonBody(choices);
		}
		if (kind < 51) {
			return brokenBody(choices);
		}
		if (kind < 64) {
			return query(choices);
		}
		if (kind < 74) {
			return path(choices);
		}
		if (kind < 87) {
			return upload(choices);
		}
		if (kind < 94) {
			return transport(choices);
		}
		if (kind < 97) {
			return pageGet(choices);
		}
		return pageForm(choices);
	}

	// JSON bodies with something wrong inside

	private Attempt jsonBody(Choices choices) {
		Operations.Operation operation = choices.pick(this.withBody);
		Map<String, Object> body = plausibleObject(choices, operation.body(), operation.path(), 0);
		List<String> kinds = new ArrayList<>();
		int mutations = choices.between(1, 3);
		for (int i = 0; i < mutations; i++) {
			kinds.add(mutate(choices, body, operation));
		}
		String text = JsonText.write(body);
		if (choices.chance(0.05)) {
			kinds.add("duplicate key");
			String key = choices.pick(new ArrayList<>(body.keySet().isEmpty() ? List.of("id") : body.keySet()));
			text = text.substring(0, text.length() - 1) + ",\"" + key + "\":" + JsonText.write(BadValues.weird(choices))
					+ "}";
		}
		return authorised(choices, Attempt.of("json: " + String.join(", ", kinds), operation.toString(),
				operation.method(), target(choices, operation, false)))
			.body(JSON, text);
	}

	private String mutate(Choices choices, Map<String, Object> body, Operations.Operation operation) {
		List<Slot> slots = new ArrayList<>();
		slots(body, schema(operation.body()), slots, 0);
		if (slots.isEmpty()) {
			new Slot(choices.pick("id", "version", "__proto__"), schema(operation.body()), body, null, -1)
				.set(BadValues.weird(choices));
			return "extra field";
		}
		Slot slot = choices.pick(slots);
		String name = slot.name().toLowerCase(Locale.ROOT);
		JsonNode schema = schema(slot.schema());
		String type = schema.path("type").asString("");
		int what = choices.below(12);
		switch (what) {
			case 0 -> {
				slot.set(BadValues.wrongType(choices, type));
				return "wrong type";
			}
			case 1 -> {
				slot.remove();
				return "missing field";
			}
			case 2 -> {
				slot.set(null);
				return "null";
			}
			case 3 -> {
				slot.set(BadValues.huge(choices));
				return "huge string";
			}
			case 4 -> {
				slot.set(BadValues.markup(choices));
				return "markup";
			}
			case 5 -> {
				slot.set(BadValues.badTime(choices, name, schema));
				return "bad date or period";
			}
			case 6 -> {
				slot.set(BadValues.badNumber(choices));
				return "bad number";
			}
			case 7 -> {
				slot.set(BadValues.unicode(choices));
				return "odd unicode";
			}
			case 8 -> {
				slot.set(BadValues.deep(choices));
				return "deep JSON";
			}
			case 9 -> {
				List<Object> many = new ArrayList<>();
				int count = choices.chance(0.1) ? 100_000 : choices.pick(100, 1000, 10_000);
				Object element = choices.pick(1, "x", 1.5, List.of(), Map.of());
				for (int i = 0; i < count; i++) {
					many.add((element instanceof Integer) ? (Object) i : element);
				}
				slot.set(many);
				return "huge array";
			}
			case 10 -> {
				new Slot(choices.pick("id", "version", "status", "createdBy", "__proto__", "admin"), schema, body, null,
						-1)
					.set(BadValues.weird(choices));
				return "extra field";
			}
			default -> {
				slot.set(type.equals("string") ? BadValues.markup(choices) : BadValues.wrongType(choices, type));
				return type.equals("string") ? "markup" : "wrong type";
			}
		}
	}

	/** A place in a body tree whose value can be replaced or removed. */
	private record Slot(String name, JsonNode schema, Map<String, Object> parent, List<Object> list, int index) {

		void set(Object given) {
			Object value = mutable(given);
			if (this.parent != null) {
				this.parent.put(this.name, value);
			}
			else {
				this.list.set(this.index, value);
			}
		}

		/**
		 * The value with its maps and lists copied, so that later mutations can change
		 * them.
		 */
		private static Object mutable(Object value) {
			if (value instanceof Map<?, ?> map) {
				Map<String, Object> copy = new LinkedHashMap<>();
				map.forEach((key, item) -> copy.put(String.valueOf(key), mutable(item)));
				return copy;
			}
			if (value instanceof List<?> list) {
				List<Object> copy = new ArrayList<>();
				list.forEach((item) -> copy.add(mutable(item)));
				return copy;
			}
			return value;
		}

		void remove() {
			if (this.parent != null) {
				this.parent.remove(this.name);
			}
			else {
				this.list.remove(this.index);
			}
		}

	}

	@SuppressWarnings("unchecked")
	private void slots(Object value, JsonNode schema, List<Slot> slots, int depth) {
		if (depth > 4) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			JsonNode properties = schema.path("properties");
			Map<String, Object> object = (Map<String, Object>) map;
			for (String key : new ArrayList<>(object.keySet())) {
				JsonNode property = schema(properties.path(key));
				slots.add(new Slot(key, property, object, null, -1));
				slots(object.get(key), property, slots, depth + 1);
			}
			for (String key : properties.propertyNames()) {
				if (!object.containsKey(key)) {
					slots.add(new Slot(key, schema(properties.path(key)), object, null, -1));
				}
			}
		}
		else if (value instanceof List<?> list && !list.isEmpty()) {
			JsonNode items = schema(schema.path("items"));
			slots.add(new Slot("[0]", items, null, (List<Object>) list, 0));
			slots(list.get(0), items, slots, depth + 1);
		}
	}

	private JsonNode schema(JsonNode schema) {
		if (schema != null && schema.has("$ref")) {
			String name = schema.path("$ref").asString();
			return this.components.path(name.substring(name.lastIndexOf('/') + 1));
		}
		return (schema != null) ? schema : this.components.path("none");
	}

	// plausible values: real ids, sensible dates and numbers

	private Map<String, Object> plausibleObject(Choices choices, JsonNode schema, String path, int depth) {
		JsonNode object = schema(schema);
		Map<String, Object> body = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		object.path("required").forEach((name) -> required.add(name.asString()));
		for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
			if (required.contains(property.getKey()) || choices.chance(0.7)) {
				body.put(property.getKey(),
						plausible(choices, property.getKey(), property.getValue(), path, depth + 1));
			}
		}
		return body;
	}

	private Object plausible(Choices choices, String name, JsonNode given, String path, int depth) {
		JsonNode schema = schema(given);
		String lower = name.toLowerCase(Locale.ROOT);
		if (schema.has("enum")) {
			List<String> values = new ArrayList<>();
			schema.path("enum").forEach((value) -> values.add(value.asString()));
			return choices.pick(values);
		}
		String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
		String format = schema.path("format").asString("");
		return switch (type) {
			case "object" -> (depth > 3 || !schema.has("properties")) ? new LinkedHashMap<>(Map.of("URGE", 1))
					: plausibleObject(choices, schema, path, depth);
			case "array" -> {
				List<Object> items = new ArrayList<>();
				int count = choices.below(3);
				for (int i = 0; i < count; i++) {
					items.add(plausible(choices, singular(name), schema.path("items"), path, depth + 1));
				}
				yield items;
			}
			case "integer" -> plausibleInteger(choices, lower, path);
			case "number" -> switch (lower) {
				case "percent", "score", "weight", "points" -> choices.pick(50, 10, 100, 0);
				case "latitude" -> 30.25;
				case "longitude" -> 120.16;
				default -> choices.pick(100000, 1.5, 0, 372000.0);
			};
			case "boolean" -> choices.chance(0.5);
			case "string" -> plausibleString(choices, lower, format);
			default -> "x";
		};
	}

	private Object plausibleInteger(Choices choices, String name, String path) {
		if (name.equals("year")) {
			return choices.pick(2026, 2027, 2025);
		}
		if (name.equals("version")) {
			return choices.pick(0, 1, 2);
		}
		String kind = idKind(name, path);
		if (kind != null) {
			List<String> ids = this.world.ids(kind);
			return ids.isEmpty() ? 1 : Long.parseLong(choices.pick(ids));
		}
		return switch (name) {
			case "page", "position", "sortorder" -> 0;
			case "size", "limit" -> 20;
			case "quota", "threshold", "workingday" -> 3;
			case "responsedueworkinghours", "responsehours" -> 8;
			case "workingdaysbeforedeadline" -> 10;
			default -> choices.pick(1, 3, 10);
		};
	}

	/** Which resource an id-like name refers to, by its name and the operation's path. */
	private static String idKind(String name, String path) {
		if (!name.endsWith("id") && !name.endsWith("ids")) {
			return null;
		}
		if (name.startsWith("parent")) {
			return path.contains("tasks") ? "task" : path.contains("headquarters") ? "headquarters" : "unit";
		}
		for (String[] known : new String[][] { { "unit", "unit" }, { "region", "unit" }, { "solver", "unit" },
				{ "leader", "person" }, { "person", "person" }, { "commander", "person" }, { "chair", "person" },
				{ "member", "person" }, { "taskforce", "account" }, { "recipient", "account" }, { "user", "account" },
				{ "task", "task" }, { "project", "project" }, { "campaign", "campaign" }, { "notice", "notice" },
				{ "scheme", "scheme" }, { "round", "nomination-round" }, { "adjustment", "adjustment" },
				{ "finding", "finding" }, { "headquarters", "headquarters" }, { "report", "report" } }) {
			if (name.startsWith(known[0]) || name.contains(known[0])) {
				return known[1];
			}
		}
		return null;
	}

	private String plausibleString(Choices choices, String name, String format) {
		if (format.equals("date")) {
			return switch (name) {
				case "startdate" -> "2026-01-01";
				case "enddate", "plannedcompletion" -> "2026-12-31";
				case "completedon", "solvedon", "doneon", "instructedon", "heldon" -> "2026-03-10";
				default -> choices.pick("2026-06-30", "2026-09-30", "2026-04-15");
			};
		}
		if (format.equals("date-time")) {
			return "2026-03-16T09:00:00+08:00";
		}
		if (format.equals("email") || name.equals("email")) {
			return "fuzz@example.cn";
		}
		return switch (name) {
			case "period" -> choices.pick("2026Q1", "2026-02", "2026");
			case "month" -> choices.pick("2026-02", "2026-03");
			case "url" -> "https://oapi.dingtalk.com/robot/send?access_token=x";
			case "password", "newpassword", "oldpassword" -> "Str0ng-Passw0rd!" + choices.below(10);
			case "username" -> "fz" + UNIQUE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
			case "code" -> "FZ-" + UNIQUE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
			case "indicator" ->
				this.world.ids("indicator-code").isEmpty() ? "GDP" : choices.pick(this.world.ids("indicator-code"));
			case "decision" -> choices.pick("ACCEPT", "RETURN");
			case "peergroup", "peergroups" -> "街道";
			default -> choices.pick("整改完成情况说明", "推进重点任务落地", FuzzWorld.XSS);
		};
	}

	private static String singular(String name) {
		return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
	}

	// bodies broken as a whole, and the wrong content types

	private Attempt brokenBody(Choices choices) {
		Operations.Operation operation = choices.pick(this.withBody);
		String json = JsonText.write(plausibleObject(choices, operation.body(), operation.path(), 0));
		Attempt attempt = authorised(choices,
				Attempt.of("", operation.toString(), operation.method(), target(choices, operation, false)));
		int what = choices.below(12);
		return switch (what) {
			case 0 -> kind(attempt, "malformed JSON").body(JSON, json.substring(0, choices.below(json.length())));
			case 1 -> kind(attempt, "malformed JSON").body(JSON,
					choices.pick(json.replaceFirst("}$", ",}"), json.replace('"', '\''), "{a:1}", json + "/* x */",
							"{\"a\":NaN}", "}{", json + json, "{\"a\":1", "\"\\u12\""));
			case 2 -> kind(attempt, "scalar body").body(JSON,
					choices.pick("", "null", "[]", "\"text\"", "0", "true", "{}", "[{}]", " "));
			case 3 -> kind(attempt, "deep JSON").body(JSON, BadValues.deep(choices).toString());
			case 4 -> kind(attempt, "invalid UTF-8").body(JSON, invalidUtf8(choices, json));
			case 5 -> kind(attempt, "wrong charset").body(choices.pick(JSON, JSON + "; charset=UTF-16"),
					json.getBytes(StandardCharsets.UTF_16));
			case 6 -> kind(attempt, "byte order mark").body(JSON, "\ufeff" + json);
			case 7 -> kind(attempt, "wrong content type").body("text/plain", json);
			case 8 -> kind(attempt, "wrong content type").body("application/xml",
					"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
			case 9 -> kind(attempt, "wrong content type").body(
					choices.pick("application/x-www-form-urlencoded", "garbage", "application/json, text/plain",
							"application/json; charset=ebcdic", "*/*", "application/merge-patch+json", "text/html"),
					choices.pick("a=b&version=1", json));
			case 10 -> {
				String boundary = "fz" + choices.below(1000);
				yield kind(attempt, "multipart where JSON is expected").body(
						"multipart/form-data; boundary=" + boundary,
						"--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\nContent-Type: " + JSON
								+ "\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n");
			}
			default -> kind(attempt, "no content type").body(null, json);
		};
	}

	private static byte[] invalidUtf8(Choices choices, String json) {
		byte[] bad = choices.pick(new byte[] { (byte) 0xC0, (byte) 0xAE }, new byte[] { (byte) 0xFF },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xE4, (byte) 0xB8 });
		byte[] text = json.getBytes(StandardCharsets.UTF_8);
		int at = Math.max(json.indexOf(":\"") + 2, 0);
		byte[] out = new byte[text.length + bad.length];
		System.arraycopy(text, 0, out, 0, at);
		System.arraycopy(bad, 0, out, at, bad.length);
		System.arraycopy(text, at, out, at + bad.length, text.length - at);
		return out;
	}

	// query parameters

	private Attempt query(Choices choices) {
		Operations.Operation operation = choices.pick(this.withQuery);
		String target = target(choices, operation, true);
		return authorised(choices, Attempt.of("bad query", operation.toString(), operation.method(), target));
	}

	/**
	 * The operation's address with its path filled with real ids and, for
	 * {@code badQuery}, its query parameters with one or two of them wrong.
	 */
	private String target(Choices choices, Operations.Operation operation, boolean badQuery) {
		String path = operation.path();
		for (Operations.Param param : operation.in("path")) {
			path = path.replace("{" + param.name() + "}", pathValue(choices, operation, param));
		}
		List<String> pairs = new ArrayList<>();
		List<Operations.Param> query = operation.in("query");
		for (Operations.Param param : query) {
			if (choices.chance(0.6)) {
				pairs.add(encode(param.name()) + "="
						+ encode(String.valueOf(plausible(choices, param.name(), param.schema(), path, 1))));
			}
		}
		if (badQuery && !query.isEmpty()) {
			int wrong = choices.between(1, 2);
			for (int i = 0; i < wrong; i++) {
				Operations.Param param = choices.pick(query);
				pairs.add(choices.below(pairs.size() + 1), encode(param.name()) + "=" + badQueryValue(choices, param));
			}
		}
		if (badQuery && (query.isEmpty() || choices.chance(0.1))) {
			pairs.add(choices.pick("unknown=1", "size[]=1", "page=-1&page=2", "=", "&&", "a", "%00=1", "size=100000",
					"q=" + encode(FuzzWorld.XSS), "%C0%AE=%FF"));
		}
		return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
	}

	private static String badQueryValue(Choices choices, Operations.Param param) {
		String name = param.name().toLowerCase(Locale.ROOT);
		return switch (choices.below(9)) {
			case 0 -> encode(choices.pick("abc", "1.5", "1e3", "0x10", "", "９", "true", "[1]", "{}"));
			case 1 -> encode(choices.pick("-1", "0", "99999999999999999999", "2147483648", "-2147483649", "501",
					"9223372036854775807", "9223372036854775808"));
			case 2 -> encode(String.valueOf(BadValues.badTime(choices, name, param.schema())));
			case 3 -> encode(BadValues.markup(choices));
			case 4 -> encode("界".repeat(choices.pick(100, 800, 1500)));
			case 5 -> choices.pick("%00", "%C0%AE", "%E4%B8", "%FF", "%0D%0ASet-Cookie:x=1", "%25", "%2e%2e%2f", "+",
					"%20%20");
			case 6 -> encode(choices.pick("RED2", "red", "GREEN,RED", "null", "*", "%"));
			case 7 -> encode(BadValues.unicode(choices));
			default -> encode(String.valueOf(BadValues.badNumber(choices)));
		};
	}

	private String pathValue(Choices choices, Operations.Operation operation, Operations.Param param) {
		String kind = pathKind(operation.path(), param.name());
		if (kind.equals("year")) {
			return "2026";
		}
		List<String> ids = this.world.ids(kind);
		return ids.isEmpty() ? "1" : choices.pick(ids);
	}

	/** The resource a path variable names: the path's segment before it, in singular. */
	private static String pathKind(String path, String variable) {
		if (variable.equals("year")) {
			return "year";
		}
		if (variable.equals("code")) {
			return "indicator-code";
		}
		if (variable.equals("personId")) {
			return "person";
		}
		int at = path.indexOf("{" + variable + "}");
		if (at < 1) {
			return variable;
		}
		String before = path.substring(0, at - 1);
		String segment = before.substring(before.lastIndexOf('/') + 1);
		return switch (segment) {
			case "users" -> "account";
			case "people" -> "person";
			case "headquarters" -> "headquarters";
			case "inbox" -> "inbox";
			case "rules" -> "rule";
			case "evidence" -> "evidence";
			case "bulletin-schedules" -> "bulletin-schedule";
			default -> segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
		};
	}

	// path variables that are no ids

	private Attempt path(Choices choices) {
		Operations.Operation operation = choices.pick(this.withPath);
		Operations.Param wrong = choices.pick(operation.in("path"));
		String path = operation.path();
		for (Operations.Param param : operation.in("path")) {
			String value = (param == wrong) ? choices.pick("abc", "-1", "0", "99999999999999999999",
					"9223372036854775807", "9223372036854775808", "1e3", "1.5", "%20", "%00", "..", "%2e%2e", "%2F",
					"１２３４５６７８９０１２", "0x1F", "%3Cscript%3E", "null", "undefined", "1;DROP", "%E4", "-0", "%5C",
					"a".repeat(3000), "%C0%AE%C0%AE", "~", "$") : pathValue(choices, operation, param);
			path = path.replace("{" + param.name() + "}", value);
		}
		String method = choices.chance(0.15) ? choices.pick("DELETE", "PATCH", "PUT", "POST", "GET", "OPTIONS")
				: operation.method();
		Attempt attempt = authorised(choices, Attempt.of("bad path variable", operation.toString(), method, path));
		return method.equals("GET") || method.equals("DELETE") || method.equals("OPTIONS") ? attempt
				: attempt.body(JSON, operation.body() != null
						? JsonText.write(plausibleObject(choices, operation.body(), operation.path(), 0)) : "{}");
	}

	// uploads

	private Attempt upload(Choices choices) {
		Operations.Operation operation = choices.pick(this.uploads);
		HostileFiles.Upload file = HostileFiles.any(choices);
		String boundary = "fz" + Long.toHexString(choices.below(Integer.MAX_VALUE));
		String part = choices.chance(0.9) ? operation.part() : choices.pick("files", "upload", "");
		String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n";
		String kind = "upload: " + file.what();
		String contentType = "multipart/form-data; boundary=" + boundary;
		String tail = "\r\n--" + boundary + "--\r\n";
		if (choices.chance(0.1)) {
			int broken = choices.below(5);
			kind = "broken multipart";
			switch (broken) {
				case 0 -> tail = "";
				case 1 -> contentType = "multipart/form-data";
				case 2 -> contentType = "multipart/form-data; boundary=other";
				case 3 ->
					header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"\r\n\r\n";
				default -> header = "preamble\r\n" + header.replace("Content-Type: ", "Content-Type: \r\n X-Folded: ");
			}
		}
		else if (!file.name().equals("台账.xlsx") && HostileFiles.FILE_NAMES.contains(file.name())) {
			kind = kind + ", odd file name";
		}
		byte[] head = header.getBytes(StandardCharsets.UTF_8);
		byte[] end = tail.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.content().length + end.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file.content(), 0, body, head.length, file.content().length);
		System.arraycopy(end, 0, body, head.length + file.content().length, end.length);
		return authorised(choices, Attempt.of(kind, operation.toString(), operation.method(),
				target(choices, operation, choices.chance(0.2))))
			.body(contentType, body);
	}

	// requests broken below the application: addresses and headers

	private Attempt transport(Choices choices) {
		String token = this.world.tokens().get("office");
		String base = choices.pick("/api/v1/units", "/api/v1/tasks", "/api/v1/projects/summary", "/units", "/");
		int what = choices.below(16);
		Attempt attempt = switch (what) {
			case 0 ->
				Attempt
					.of("bad escape", base, "GET",
							base + choices.pick("?q=%ZZ", "/%ZZ", "?q=%", "/%E4%B8", "?q=%u4E2D", "/%", "?%=1"))
					.asRaw();
			case 1 ->
				Attempt
					.of("raw bytes in address", base, "GET",
							base + choices.pick("/a b", "/\t", "/单位", "?q=<>", "?q=\"", "/\u0001", "?q={}|\\^`"))
					.asRaw();
			case 2 -> Attempt
				.of("absolute address", base, "GET",
						choices.pick("http://evil.example" + base, "*", "//evil.example/x", "../../etc/passwd"))
				.asRaw();
			case 3 -> Attempt.of("address too long", base, "GET", base + "?q=" + "x".repeat(choices.pick(9000, 70000)))
				.asRaw();
			case 4 -> Attempt.of("header too large", base, "GET", base)
				.header("X-Fill", "x".repeat(choices.pick(9000, 70000)))
				.asRaw();
			case 5 -> {
				Attempt many = Attempt.of("too many headers", base, "GET", base);
				for (int i = 0; i < 300; i++) {
					many = many.header("X-H" + i, "v");
				}
				yield many.asRaw();
			}
			case 6 -> Attempt.of("bad content length", base, "POST", "/api/v1/units")
				.header("Content-Type", JSON)
				.header("Content-Length", choices.pick("abc", "-1", "1, 2", "0x10", " "))
				.body(null, "{}")
				.asRaw();
			case 7 -> Attempt.of("broken chunks", base, "POST", "/api/v1/units")
				.header("Content-Type", JSON)
				.header("Transfer-Encoding", "chunked")
				// complete but wrong: a body cut short would only keep the server waiting
				// for the rest
				.body(null,
						choices.pick("zz\r\n{}\r\n0\r\n\r\n", "-1\r\n\r\n", "0\r\nX: y\r\n\r\n",
								"2;x=\"\r\n{}\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"))
				.asRaw();
			case 8 -> Attempt.of("bad header name", base, "GET", base)
				.header(choices.pick("X Bad", "X:Y", "X\u0001", "(x)", "Ω"), "1")
				.asRaw();
			case 9 -> Attempt.of("control characters in header", base, "GET", base)
				.header("X-Ctl", choices.pick("a\u0000b", "a\u007fb", "a\u0001b"))
				.asRaw();
			case 10 -> Attempt.of("bad accept", base, "GET", base)
				.header("Accept", choices.pick("garbage", "text/csv;q=abc", "*/*;q=2", ";;;", "application/", "a/b/c",
						"text/html;charset=\"unclosed"));
			case 11 -> Attempt.of("bad content type", base, "POST", "/api/v1/units")
				.body(choices.pick("garbage", "application/json;charset=", "multipart/form-data; boundary=", "/json",
						"application/json; boundary=\"x"), "{}");
			case 12 -> Attempt.of("bad language", base, "GET", base)
				.header("Accept-Language",
						choices.pick("garbage;;q=x", "zz-ZZZZZZZZZ", "*;q=-1", "zh-CN;q=abc", "x".repeat(5000)));
			case 13 -> Attempt.of("bad credentials", base, "GET", base)
				.header("Authorization", choices.pick("Bearer " + "x".repeat(7000), "Bearer", "Basic !!!",
						"Bearer " + token + "x", "Digest x", "bearer  " + token + " extra", "Bearer \u00e9"));
			case 14 ->
				Attempt.of("odd method", base, choices.pick("TRACE", "FOO", "PROPFIND", "CONNECT", "M-SEARCH"), base)
					.asRaw();
			default -> Attempt.of("bad cookie", base, "GET", base)
				.header("Cookie", choices.pick("SESSION=abc%ZZ", "SESSION=" + "x".repeat(5000), "=;;=", "lang=%00",
						"lang=" + FuzzWorld.XSS));
		};
		return (what == 13) ? attempt : attempt.header("Authorization", "Bearer " + token);
	}

	// pages

	private Attempt pageGet(Choices choices) {
		PageRoutes.Route route = choices.pick(this.pageGets);
		String path = pagePath(choices, route);
		List<String> pairs = new ArrayList<>();
		for (PageRoutes.Param param : route.params()) {
			if (param.in().equals("query") && choices.chance(0.6)) {
				pairs.add(encode(param.name()) + "=" + pageValue(choices, param, true));
			}
		}
		String target = pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
		return Attempt.of("page address", route.toString(), "GET", target)
			.header("Cookie", this.world.cookie())
			.header("Accept", "text/html");
	}

	private Attempt pageForm(Choices choices) {
		PageRoutes.Route route = choices.pick(this.pagePosts);
		String path = pagePath(choices, route);
		boolean multipart = route.params().stream().anyMatch((param) -> param.type().equals("file"));
		List<String[]> fields = new ArrayList<>();
		if (choices.chance(0.95)) {
			fields.add(new String[] { "_csrf", this.world.csrf() });
		}
		for (PageRoutes.Param param : route.params()) {
			if (param.in().equals("query") && !param.type().equals("file") && choices.chance(0.8)) {
				fields.add(new String[] { param.name(), pageValue(choices, param, false) });
			}
		}
		if (choices.chance(0.2)) {
			fields.add(new String[] { choices.pick("unknown", "id", "back", "link"),
					choices.pick("http://evil.example", "//evil.example", "javascript:alert(1)", "/", FuzzWorld.XSS) });
		}
		Attempt attempt = Attempt.of("page form", route.toString(), "POST", path)
			.header("Cookie", this.world.cookie())
			.header("Accept", "text/html");
		if (!multipart) {
			StringBuilder form = new StringBuilder();
			for (String[] field : fields) {
				form.append(form.isEmpty() ? "" : "&").append(encode(field[0])).append('=').append(field[1]);
			}
			return attempt.body("application/x-www-form-urlencoded", form.toString());
		}
		String boundary = "fzp" + choices.below(1_000_000);
		StringBuilder text = new StringBuilder();
		for (String[] field : fields) {
			text.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(field[0])
				.append("\"\r\n\r\n")
				.append(java.net.URLDecoder.decode(field[1].replace("+", "%2B"), StandardCharsets.UTF_8))
				.append("\r\n");
		}
		HostileFiles.Upload file = HostileFiles.any(choices);
		String fileField = route.params()
			.stream()
			.filter((param) -> param.type().equals("file"))
			.findFirst()
			.get()
			.name();
		byte[] head = (text + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
				+ "\"; filename=\"" + file.name() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.content().length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file.content(), 0, body, head.length, file.content().length);
		System.arraycopy(tail, 0, body, head.length + file.content().length, tail.length);
		return kind(attempt, "page form upload: " + file.what()).body("multipart/form-data; boundary=" + boundary,
				body);
	}

	private String pagePath(Choices choices, PageRoutes.Route route) {
		String path = route.pattern();
		for (PageRoutes.Param param : route.params()) {
			if (param.in().equals("path")) {
				String value = choices.chance(0.8) ? pageValue(choices, param, false)
						: choices.pick("abc", "-1", "99999999999999999999", "%00", "2026Q5", "0");
				path = path.replaceFirst("\\{" + param.name() + "(:[^}]*)?}", Matcher.quoteReplacement(value));
			}
		}
		return path;
	}

	private String pageValue(Choices choices, PageRoutes.Param param, boolean bad) {
		if (bad && choices.chance(0.5)) {
			return badQueryValue(choices, new Operations.Param(param.name(), "query", this.components.path("none")));
		}
		String name = param.name().toLowerCase(Locale.ROOT);
		String type = param.type();
		if (!param.values().isEmpty()) {
			return encode(choices.pick(param.values()));
		}
		return encode(switch (type) {
			case "integer" -> {
				String kind = idKind(name, param.route());
				if (name.equals("id")) {
					kind = pathKind(param.route().replace("{id:\\d+}", "{id}"), "id");
				}
				List<String> ids = (kind != null) ? this.world.ids(kind) : List.of();
				yield name.equals("year") ? "2026" : ids.isEmpty() ? choices.pick("1", "2", "2026") : choices.pick(ids);
			}
			case "date" -> choices.pick("2026-03-10", "2026-06-30", "2026-13-40");
			case "month" -> choices.pick("2026-03", "2026-13", "abc");
			case "number" -> choices.pick("50", "1e309", "-1", "abc");
			case "boolean" -> choices.pick("true", "false", "maybe");
			default -> name.equals("period") ? choices.pick("2026Q1", "2026-02", "2026Q5")
					: choices.pick("测试", FuzzWorld.XSS, "", "x".repeat(3000));
		});
	}

	// who asks

	private Attempt authorised(Choices choices, Attempt attempt) {
		int who = choices.below(100);
		String token = (who < 75) ? this.world.tokens().get("office") : (who < 87) ? this.world.tokens().get("operator")
				: (who < 95) ? this.world.tokens().get("head") : null;
		return (token != null) ? attempt.header("Authorization", "Bearer " + token) : kind(attempt, attempt.kind());
	}

	private static Attempt kind(Attempt attempt, String kind) {
		return new Attempt(kind, attempt.operation(), attempt.method(), attempt.target(), attempt.headers(),
				attempt.body(), attempt.raw());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
