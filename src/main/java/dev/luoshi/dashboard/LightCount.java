package dev.luoshi.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.luoshi.work.Light;

/** How many items show a light, worst first, every light present (zero included). */
public record LightCount(Light light, long count) {

	/** Red, yellow, green, done: the order in which people read a battle map. */
	public static final List<Light> ORDER = List.of(Light.RED, Light.YELLOW, Light.GREEN, Light.DONE);

	public static <T> List<LightCount> of(List<T> items, Function<T, Light> light) {
		Map<Light, Long> counts = new EnumMap<>(Light.class);
		items.forEach((item) -> counts.merge(light.apply(item), 1L, Long::sum));
		List<LightCount> ordered = new ArrayList<>();
		ORDER.forEach((each) -> ordered.add(new LightCount(each, counts.getOrDefault(each, 0L))));
		return ordered;
	}

}
