package dev.luoshi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Luoshi (落实): a local government's campaigns, task books, supervision and rankings, run
 * to completion. One deployable; each top-level package is an application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LuoshiApplication {

	public static void main(String[] args) {
		SpringApplication.run(LuoshiApplication.class, args);
	}

}
