package dev.luoshi.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any servlet sees them (an address with an encoded slash,
 * a NUL or broken percent-encoding, headers or a request line too large) are answered
 * with a problem detail too, instead of Tomcat's HTML error page; CONNECT, which Tomcat
 * answers with 501, is a 405 like any other method the API does not take.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final Problems problems;

	private final JsonMapper json;

	ContainerErrors(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				// the host adds no error report valve of its own when one of this class
				// is
				// there
				host.setErrorReportValveClass(ProblemReport.class.getName());
				host.getPipeline().addValve(new ProblemReport(this.problems, this.json));
			}
		});
	}

	/** Reports an error no servlet answered as a problem detail. */
	static class ProblemReport extends ErrorReportValve {

		private final Problems problems;

		private final JsonMapper json;

		ProblemReport(Problems problems, JsonMapper json) {
			this.problems = problems;
			this.json = json;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean writable = new AtomicBoolean();
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
			if (!writable.get()) {
				return;
			}
			if (code == HttpStatus.NOT_IMPLEMENTED.value() && "CONNECT".equals(request.getMethod())) {
				// CONNECT is a method this server does not allow, not a failing of the
				// server
				code = HttpStatus.METHOD_NOT_ALLOWED.value();
				response.setStatus(code);
			}
			HttpStatus status = HttpStatus.resolve(code);
			status = (status != null) ? status : HttpStatus.BAD_REQUEST;
			LocaleContextHolder.setLocale(new LocaleConfiguration.LanguageResolver().resolveLocale(request));
			try {
				ProblemDetail problem = (status == HttpStatus.BAD_REQUEST)
						? this.problems.problem(status, "request-refused",
								"The request could not be read: its address or headers are malformed or too large")
						: this.problems.problem(status, String.valueOf(code), status.getReasonPhrase());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				PrintWriter writer = response.getReporter();
				if (writer != null) {
					writer.write(this.json.writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the connection is gone or the response already committed: nothing left
				// to tell
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}

	}

}
