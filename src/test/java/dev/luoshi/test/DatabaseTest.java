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
 * A test of the whole application over HTTP against a real database. The build runs these
 * tests twice: on H2 and on PostgreSQL (tag {@code database}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "luoshi.demo.enabled=false", "luoshi.admin-password=" + Api.ADMIN_PASSWORD,
				"luoshi.data-dir=target/test-data" })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
public @interface DatabaseTest {

}
