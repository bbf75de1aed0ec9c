package dev.luoshi.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luoshi.demo.enabled}: load the demo city into an empty database (default true);
 * {@code luoshi.demo.password} ({@code LUOSHI_DEMO_PASSWORD}): the demo accounts'
 * password, generated and printed once when not given.
 */
@ConfigurationProperties("luoshi.demo")
public record DemoProperties(Boolean enabled, String password) {

	public DemoProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
	}

}
