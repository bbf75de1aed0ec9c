package dev.luoshi.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test that drives the pages in a real browser, against the application on the embedded
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "luoshi.demo.enabled=true", "luoshi.demo.password=" + Api.PASSWORD,
				"luoshi.admin-password=" + Api.ADMIN_PASSWORD, "luoshi.data-dir=target/test-data" })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
public @interface BrowserTest {

}
