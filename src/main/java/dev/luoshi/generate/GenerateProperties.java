package dev.luoshi.generate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luoshi.generate.scale}: PROVINCE, CITY or TINY (none: nothing is generated);
 * {@code seed}: the same seed gives the same data.
 */
@ConfigurationProperties("luoshi.generate")
record GenerateProperties(Scale scale, Long seed) {

	GenerateProperties {
		seed = (seed != null) ? seed : 2026L;
	}

}
