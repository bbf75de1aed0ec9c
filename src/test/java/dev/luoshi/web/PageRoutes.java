package dev.luoshi.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages' routes (everything the controllers map outside the API), with the request
 * parameters and path variables their methods take, read from the running application.
 */
final class PageRoutes {

	private PageRoutes() {
	}

	/** A parameter: where it goes, its kind of value and, for an enum, its values. */
	record Param(String name, String in, String type, List<String> values, String route) {
	}

	record Route(String method, String pattern, List<Param> params) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	static List<Route> of(ApplicationContext context) {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Collection<String> patterns = info.getPatternValues();
			for (String pattern : patterns) {
				if (pattern.startsWith("/api") || pattern.startsWith("/error") || pattern.startsWith("/v3")
						|| pattern.startsWith("/swagger") || pattern.equals("/login") || pattern.equals("/logout")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (method == RequestMethod.GET || method == RequestMethod.POST) {
						routes.add(new Route(method.name(), pattern, params(entry.getValue(), pattern)));
					}
				}
			}
		}
		return routes;
	}

	private static List<Param> params(HandlerMethod handler, String pattern) {
		List<Param> params = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			RequestParam request = parameter.getParameterAnnotation(RequestParam.class);
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			if (request == null && variable == null) {
				continue;
			}
			Class<?> type = parameter.getParameterType();
			if (Map.class.isAssignableFrom(type)) {
				continue;
			}
			String name = (request != null) ? (request.name().isEmpty() ? parameter.getParameterName() : request.name())
					: (variable.name().isEmpty() ? parameter.getParameterName() : variable.name());
			String kind = kind(parameter);
			List<String> values = type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()
					: List.of();
			params.add(new Param(name, (variable != null) ? "path" : "query", kind, values, pattern));
		}
		return params;
	}

	private static String kind(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (MultipartFile.class.isAssignableFrom(type) || (List.class.isAssignableFrom(type)
				&& ResolvableType.forMethodParameter(parameter).resolveGeneric(0) == MultipartFile.class)) {
			return "file";
		}
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(type)) {
			return "number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		if (type == LocalDate.class) {
			return "date";
		}
		if (type == YearMonth.class) {
			return "month";
		}
		return "string";
	}

}
