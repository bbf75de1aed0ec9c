package dev.luoshi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The API's operations as its OpenAPI document describes them: method, path, parameters
 * and the schema of a JSON body or the field of an upload.
 */
final class Operations {

	private Operations() {
	}

	/** A path or query parameter. */
	record Param(String name, String in, JsonNode schema) {
	}

	/**
	 * One operation; {@code body} is the JSON body's schema, {@code part} an upload's
	 * field.
	 */
	record Operation(String method, String path, List<Param> params, JsonNode body, String part) {

		List<Param> in(String where) {
			return this.params.stream().filter((param) -> param.in().equals(where)).toList();
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static List<Operation> of(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (method.getKey().equals("delete") && path.getKey().equals("/api/v1/auth/token")) {
					// signing out takes no input to malform, and would end the campaign's
					// own token
					continue;
				}
				JsonNode operation = method.getValue();
				List<Param> params = new ArrayList<>();
				operation.path("parameters")
					.forEach((param) -> params.add(new Param(param.path("name").asString(), param.path("in").asString(),
							param.path("schema"))));
				JsonNode content = operation.path("requestBody").path("content");
				JsonNode body = content.has("application/json") ? content.path("application/json").path("schema")
						: null;
				String part = null;
				if (content.has("multipart/form-data")) {
					JsonNode properties = content.path("multipart/form-data").path("schema").path("properties");
					part = properties.propertyNames().stream().findFirst().orElse("file");
				}
				operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), params, body, part));
			}
		}
		return operations;
	}

}
