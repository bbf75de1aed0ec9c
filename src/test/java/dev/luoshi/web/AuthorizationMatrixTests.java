package dev.luoshi.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.luoshi.test.Api;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.PageClient;
import dev.luoshi.test.TestClock;
import dev.luoshi.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix: every endpoint of the OpenAPI document, called by every role
 * and by nobody, on resources inside and outside the caller's data scope, answers as the
 * matrix below says. An endpoint the matrix does not hold fails the test, so a new
 * endpoint cannot ship without someone deciding who may call it; so does a row whose
 * endpoint is gone.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "luoshi.demo.enabled=true", "luoshi.demo.password=" + Api.PASSWORD,
				"luoshi.admin-password=" + Api.ADMIN_PASSWORD, "luoshi.data-dir=target/test-data",
				"luoshi.test.context=authorization-matrix" })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
// a demo city of its own: the matrix writes into it, and the browser tests read theirs
@DirtiesContext
class AuthorizationMatrixTests {

	/** Who calls: the demo's office, and accounts made for 江滨街道 and its leader. */
	enum Caller {

		ADMIN, SUPERVISOR, LEADER, UNIT_HEAD, UNIT_OPERATOR, VIEWER, AUDITOR, ANONYMOUS

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointAnswersEveryRoleInsideAndOutsideItsScopeAsTheMatrixSays() {
		Api api = new Api(this.port);
		Api admin = api.asAdmin();
		JsonNode paths = api.get("/v3/api-docs").json().path("paths");
		World world = new World(this.jdbc, admin);
		Map<Caller, String> usernames = new EnumMap<>(Caller.class);
		usernames.put(Caller.ADMIN, "admin");
		usernames.put(Caller.SUPERVISOR, "supervisor");
		usernames.put(Caller.LEADER, world.leader);
		usernames.put(Caller.UNIT_HEAD, world.head);
		usernames.put(Caller.UNIT_OPERATOR, "operator.jiangbin");
		usernames.put(Caller.VIEWER, "observer");
		usernames.put(Caller.AUDITOR, world.auditor);
		Map<Caller, Api> callers = new EnumMap<>(Caller.class);
		usernames.forEach((caller, username) -> callers.put(caller,
				api.as(username, (caller == Caller.ADMIN) ? Api.ADMIN_PASSWORD : Api.PASSWORD)));
		callers.put(Caller.ANONYMOUS, api.anonymous());
		world.prepare(callers.get(Caller.SUPERVISOR), callers.get(Caller.UNIT_HEAD), callers.get(Caller.UNIT_OPERATOR),
				api.as("head.wenlv", Api.PASSWORD), api.as("operator.wenlv", Api.PASSWORD));
		Map<String, String[]> matrix = matrix();

		List<String> problems = new ArrayList<>();
		Set<String> documented = new TreeSet<>();
		for (String path : new TreeSet<>(paths.propertyNames())) {
			for (String method : new TreeSet<>(paths.path(path).propertyNames())) {
				String endpoint = method.toUpperCase() + " " + path;
				documented.add(endpoint);
				boolean multipart = paths.path(path)
					.path(method)
					.path("requestBody")
					.path("content")
					.has("multipart/form-data");
				String[] expected = matrix.get(endpoint);
				StringBuilder actual = new StringBuilder();
				StringBuilder raw = new StringBuilder();
				List<String> wrong = new ArrayList<>();
				for (Caller caller : Caller.values()) {
					// signing out ends the token it is sent with: each call gets a token
					// of its own
					boolean signsOut = endpoint.equals("DELETE /api/v1/auth/token") && caller != Caller.ANONYMOUS;
					String password = (caller == Caller.ADMIN) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
					int inside = world.request(endpoint, true)
						.send(signsOut ? api.as(usernames.get(caller), password) : callers.get(caller), multipart);
					int outside = world.request(endpoint, false)
						.send(signsOut ? api.as(usernames.get(caller), password) : callers.get(caller), multipart);
					String cell = cell(method, inside) + "/" + cell(method, outside);
					String shown = cell.substring(0, cell.indexOf('/')).equals(cell.substring(cell.indexOf('/') + 1))
							? cell.substring(0, cell.indexOf('/')) : cell;
					actual.append(String.format(" %-9s", shown));
					raw.append(' ').append(inside).append('/').append(outside);
					if (expected != null && !matches(expected[caller.ordinal()], method, inside, outside)) {
						wrong
							.add(caller + " expected " + expected[caller.ordinal()] + " got " + inside + "/" + outside);
					}
				}
				if (expected == null) {
					problems.add("not in the matrix: " + endpoint + " (answers:" + actual + ";" + raw + ")");
				}
				else if (!wrong.isEmpty()) {
					problems.add(endpoint + ": " + String.join("; ", wrong));
				}
			}
		}
		for (String endpoint : matrix.keySet()) {
			if (!documented.contains(endpoint)) {
				problems.add("in the matrix but not in the OpenAPI document: " + endpoint);
			}
		}
		assertThat(documented).hasSizeGreaterThan(150);
		assertThat(problems).as("the authorisation matrix").isEmpty();
	}

	/**
	 * Every form post of the pages needs the session's CSRF token, and those meant for
	 * the office refuse an observer who has one.
	 */
	@Test
	void everyPageFormPostNeedsTheCsrfTokenAndItsRole() {
		List<String> posts = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getSimpleName().endsWith("Pages")
					&& info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().forEach(posts::add);
			}
		});
		assertThat(posts).hasSizeGreaterThan(30);
		PageClient supervisor = signedIn("supervisor");
		PageClient observer = signedIn("observer");
		List<String> problems = new ArrayList<>();
		for (String pattern : new TreeSet<>(posts)) {
			String path = pattern.replaceAll("\\{[^}]+}", "1");
			int withoutToken = supervisor.postWithoutToken(path, Map.of()).status();
			if (withoutToken != 403) {
				problems.add(pattern + " without a CSRF token: " + withoutToken);
			}
			int observed = observer.post(path, Map.of()).status();
			boolean open = OPEN_PAGE_POSTS.contains(pattern);
			if (!open && observed != 403) {
				problems.add(pattern + " by an observer: " + observed);
			}
			if (open && (observed == 403 || observed >= 500)) {
				problems.add(pattern + " (open to everyone signed in) by an observer: " + observed);
			}
		}
		assertThat(problems).as("the pages' form posts").isEmpty();
	}

	private PageClient signedIn(String username) {
		PageClient client = new PageClient(this.port);
		assertThat(client.signIn(username, Api.PASSWORD).status()).isEqualTo(302);
		assertThat(client.get("/").status()).isEqualTo(200);
		return client;
	}

	/**
	 * The page form posts open to everyone signed in: one's own inbox, and the unit's
	 * answers whose scope the service judges on the resource (the API matrix above holds
	 * the same services to their scope).
	 */
	static final Set<String> OPEN_PAGE_POSTS = Set.of("/password", "/inbox/preferences", "/inbox/{id}/read",
			"/milestones/{id}/complete", "/notices/{id}/acknowledge", "/notices/{id}/rectifications",
			"/notices/{id}/respond", "/project-milestones/{id}/complete", "/project-problems/{id}/solve",
			"/rectifications/{id}/submit");

	private static String cell(String method, int status) {
		if (status >= 200 && status < 300) {
			return "ok";
		}
		if (!method.equals("get") && (status == 400 || status == 409 || status == 415)) {
			return "ok";
		}
		return Integer.toString(status);
	}

	/**
	 * Whether a cell holds: {@code ok} is a 2xx, or for a write also a refusal on the
	 * merits (400, 409, 415) that the caller got past the role and scope to hear;
	 * {@code 401}, {@code 403} and {@code 404} are exact; a cell {@code a/b} gives inside
	 * and outside the scope.
	 */
	private static boolean matches(String expected, String method, int inside, int outside) {
		String[] both = expected.split("/");
		String in = both[0];
		String out = (both.length > 1) ? both[1] : both[0];
		return cell(method, inside).equals(in) && cell(method, outside).equals(out);
	}

	/**
	 * The matrix: for each endpoint of the OpenAPI document, what each caller gets, in
	 * the order ADMIN, SUPERVISOR, LEADER (of 江滨街道, seated in 区政府办公室), UNIT_HEAD and
	 * UNIT_OPERATOR (of 江滨街道), VIEWER, AUDITOR, anonymous. A cell {@code ok/403} means
	 * allowed inside the caller's scope and refused outside it.
	 */
	private static Map<String, String[]> matrix() {
		Map<String, String[]> matrix = new LinkedHashMap<>();
		for (String line : MATRIX.strip().split("\n")) {
			String[] cells = line.strip().split("\\s+");
			assertThat(cells).as(line).hasSize(2 + Caller.values().length);
			String[] expected = new String[Caller.values().length];
			System.arraycopy(cells, 2, expected, 0, expected.length);
			assertThat(matrix.put(cells[0] + " " + cells[1], expected)).as("twice in the matrix: " + line).isNull();
		}
		return matrix;
	}

	// @formatter:off
	private static final String MATRIX = """
			GET     /api/v1/adjustments                         ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/adjustments                         ok      ok      403      403      403      403      403  401
			GET     /api/v1/audit                               ok      ok      403      403      403      403      ok   401
			GET     /api/v1/audit/anchor                        ok      ok      403      403      403      403      ok   401
			GET     /api/v1/audit/export                        403     403     403      403      403      403      ok   401
			GET     /api/v1/audit/verify                        ok      ok      403      403      403      403      ok   401
			POST    /api/v1/auth/password                       ok      ok      ok       ok       ok       ok       ok   ok
			DELETE  /api/v1/auth/token                          ok      ok      ok       ok       ok       ok       ok   401
			POST    /api/v1/auth/token                          ok      ok      ok       ok       ok       ok       ok   ok
			GET     /api/v1/bulletin-schedules                  ok      ok      403      403      403      403      403  401
			POST    /api/v1/bulletin-schedules                  ok      ok      403      403      403      403      403  401
			POST    /api/v1/bulletin-schedules/{id}/run         ok      ok      403      403      403      403      403  401
			GET     /api/v1/bulletins/ranking                   ok      ok      ok       403      403      ok       403  401
			GET     /api/v1/bulletins/supervision               ok      ok      ok       403      403      403      403  401
			GET     /api/v1/bulletins/{id}/document             ok      ok      ok       403      403      403      403  401
			POST    /api/v1/calendar/import                     ok      403     403      403      403      403      403  401
			GET     /api/v1/calendar/shift                      ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/calendar/working-days               ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/calendar/working-hours              ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/calendar/{year}                     ok      ok      ok       ok       ok       ok       403  401
			PUT     /api/v1/calendar/{year}                     ok      403     403      403      403      403      403  401
			GET     /api/v1/campaign-attachments/{id}           ok      ok      ok/403   ok/403   ok/403   403      403  401
			GET     /api/v1/campaigns                           ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/campaigns                           ok      ok      403      403      403      403      403  401
			GET     /api/v1/campaigns/{id}                      ok      ok      ok/403   ok/403   ok/403   403      403  401
			GET     /api/v1/campaigns/{id}/attachments          ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/campaigns/{id}/attachments          ok      ok      403      403      403      403      403  401
			PUT     /api/v1/campaigns/{id}/leaders              ok      ok      403      403      403      403      403  401
			GET     /api/v1/campaigns/{id}/letters              ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/campaigns/{id}/letters              ok      ok      403      403      403      403      403  401
			GET     /api/v1/campaigns/{id}/tasks                ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/campaigns/{id}/tasks                ok      ok      403      403      403      403      403  401
			GET     /api/v1/campaigns/{id}/tasks/export         ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/campaigns/{id}/tasks/import         ok      ok      403      403      403      403      403  401
			GET     /api/v1/enterprises                         ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/enterprises                         ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/enterprises/{id}                    ok      ok      ok       ok       ok       ok       403  401
			PUT     /api/v1/enterprises/{id}/figures/{year}     ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/evidence/{id}                       ok      ok      ok/403   ok/403   ok/403   403      403  401
			GET     /api/v1/exemptions                          ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/exemptions                          ok      ok      403      ok/403   403      403      403  401
			POST    /api/v1/exemptions/{id}/decide              403     ok      403      403      403      403      403  401
			GET     /api/v1/findings                            ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/headquarters                        ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/headquarters                        ok      ok      403      403      403      403      403  401
			GET     /api/v1/headquarters/{id}                   ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/inbox                               ok      ok      ok       ok       ok       ok       403  401
			PUT     /api/v1/inbox/preferences                   ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/inbox/{id}/read                     404     404     404      404      404      404      403  401
			GET     /api/v1/indicator-values                    ok      ok      ok       ok       ok       ok       403  401
			PUT     /api/v1/indicator-values                    ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/indicator-values/export             ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/indicator-values/import             ok      ok      403      ok       ok       403      403  401
			GET     /api/v1/indicator-values/import-template    ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/indicators                          ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/indicators                          ok      ok      403      403      403      403      403  401
			GET     /api/v1/indicators/{code}                   ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/inspections                         ok      ok      ok       403      403      403      403  401
			POST    /api/v1/inspections                         ok      ok      403      403      403      403      403  401
			POST    /api/v1/inspections/{id}/complete           ok      ok      403      403      403      403      403  401
			GET     /api/v1/inspections/{id}/photos             ok      ok      ok       403      403      403      403  401
			POST    /api/v1/inspections/{id}/photos             ok      ok      403      403      403      403      403  401
			POST    /api/v1/instructions                        ok      ok      ok       403      403      403      403  401
			GET     /api/v1/investment-photos/{id}              ok/404  ok/404  ok/404   ok/404   ok/404   403/404  403  401
			GET     /api/v1/investment-reports/{id}/photos      ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/investment-reports/{id}/photos      ok      ok      403      ok/403   ok/403   403      403  401
			POST    /api/v1/letters/{id}/sign                   403     403     403      ok/403   403      403      403  401
			POST    /api/v1/meetings                            ok      ok      403      403      403      403      403  401
			POST    /api/v1/milestones/{id}/complete            ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/nomination-files/{id}               ok/404  ok/404  ok/404   ok/404   ok/404   403/404  403  401
			GET     /api/v1/nomination-rounds                   ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/nomination-rounds                   ok      ok      403      403      403      403      403  401
			GET     /api/v1/nomination-rounds/{id}              ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/nomination-rounds/{id}/close        ok      ok      403      403      403      403      403  401
			POST    /api/v1/nomination-rounds/{id}/publish      ok      ok      403      403      403      403      403  401
			GET     /api/v1/nominations                         ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/nominations                         403     ok      403      ok/403   403      403      403  401
			GET     /api/v1/nominations/{id}                    ok      ok      ok       ok       ok       403/ok   403  401
			POST    /api/v1/nominations/{id}/decide             ok      ok      403      403      403      403      403  401
			GET     /api/v1/nominations/{id}/evidence           ok      ok      ok       ok       ok       403/ok   403  401
			POST    /api/v1/nominations/{id}/evidence           ok      ok      403      ok/403   403      403      403  401
			GET     /api/v1/notices                             ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/notices                             ok      ok      403      403      403      403      403  401
			GET     /api/v1/notices/export                      ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/notices/{id}                        ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/notices/{id}/acknowledge            403     403     403      ok/403   ok/403   403      403  401
			POST    /api/v1/notices/{id}/close                  ok      ok      403      403      403      403      403  401
			POST    /api/v1/notices/{id}/respond                403     403     403      ok/403   ok/403   403      403  401
			POST    /api/v1/notifications/deliveries/run        ok      ok      403      403      403      403      403  401
			GET     /api/v1/people                              ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/people                              ok      ok      403      403      403      403      403  401
			GET     /api/v1/people/{id}                         ok      ok      ok       ok       ok       ok       403  401
			PATCH   /api/v1/people/{id}                         ok      ok      403      403      403      403      403  401
			PUT     /api/v1/people/{id}/portfolio               ok      403     403      403      403      403      403  401
			POST    /api/v1/people/{id}/positions               ok      403     403      403      403      403      403  401
			GET     /api/v1/people/{id}/record                  ok      ok      ok       ok/403   ok/403   403      403  401
			PATCH   /api/v1/project-milestones/{id}             ok      ok      403      403      403      403      403  401
			POST    /api/v1/project-milestones/{id}/complete    404/ok  404/ok  404/403  404/403  404/403  404/403  403  401
			POST    /api/v1/project-problems/{id}/solve         ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/projects                            ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/projects                            ok      ok      403      403      403      403      403  401
			GET     /api/v1/projects/export                     ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/projects/figures                    ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/projects/import                     ok      ok      403      403      403      403      403  401
			GET     /api/v1/projects/import-template            ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/projects/investment-reports/import  ok      ok      403      ok       ok       403      403  401
			GET     /api/v1/projects/summary                    ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/projects/{id}                       ok      ok      ok/403   ok/403   ok/403   403      403  401
			PATCH   /api/v1/projects/{id}                       ok      ok      403      403      403      403      403  401
			GET     /api/v1/projects/{id}/investment-reports    ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/projects/{id}/investment-reports    ok      ok      403      ok/403   ok/403   403      403  401
			PUT     /api/v1/projects/{id}/plans/{year}          ok      ok      403      403      403      403      403  401
			GET     /api/v1/projects/{id}/problems              ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/projects/{id}/problems              ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/rankings                            ok      ok      ok       ok       ok       ok       ok   ok
			GET     /api/v1/rankings/{id}                       ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/rankings/{id}/publish               ok      ok      403      403      403      403      403  401
			POST    /api/v1/rankings/{id}/unpublish             ok      ok      403      403      403      403      403  401
			GET     /api/v1/rectifications                      ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/rectifications                      ok      ok      403      ok/403   ok/403   403      403  401
			GET     /api/v1/rectifications/{id}                 ok      ok      ok/403   ok/403   ok/403   403      403  401
			GET     /api/v1/rectifications/{id}/files           ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/rectifications/{id}/files           403     403     403      ok/403   ok/403   403      403  401
			POST    /api/v1/rectifications/{id}/submit          403     403     403      ok/403   ok/403   403      403  401
			POST    /api/v1/rectifications/{id}/verify          403     ok      403      403      403      403      403  401
			GET     /api/v1/reports/{id}/evidence               ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/reports/{id}/evidence               403     403     403      ok/403   ok/403   403      403  401
			POST    /api/v1/reports/{id}/review                 403     ok      403      403      403      403      403  401
			GET     /api/v1/robots                              ok      ok      403      403      403      403      403  401
			POST    /api/v1/robots                              ok      ok      403      403      403      403      403  401
			GET     /api/v1/schemes                             ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/schemes                             ok      ok      403      403      403      403      403  401
			GET     /api/v1/schemes/{id}                        ok      ok      ok       ok       ok       ok       403  401
			PUT     /api/v1/schemes/{id}                        ok      ok      403      403      403      403      403  401
			GET     /api/v1/schemes/{id}/annual                 ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/schemes/{id}/annual                 ok      ok      403      403      403      403      403  401
			GET     /api/v1/schemes/{id}/rankings               ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/schemes/{id}/rankings               ok      ok      403      403      403      403      403  401
			POST    /api/v1/schemes/{id}/scores                 ok      ok      403      403      403      403      403  401
			GET     /api/v1/supervision-files/{id}              ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/supervision/escalations/run         ok      ok      403      403      403      403      403  401
			GET     /api/v1/supervision/lagging                 ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/supervision/rules                   ok      ok      403      403      403      403      403  401
			PUT     /api/v1/supervision/rules/{id}              ok      ok      403      403      403      403      403  401
			POST    /api/v1/task-adjustments/{id}/decide        403     ok      403      403      403      403      403  401
			GET     /api/v1/tasks                               ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/tasks/export                        ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/tasks/import-template               ok      ok      ok       ok       ok       ok       403  401
			GET     /api/v1/tasks/{id}                          ok      ok      ok/403   ok/403   ok/403   403      403  401
			PATCH   /api/v1/tasks/{id}                          ok      ok      403      403      403      403      403  401
			GET     /api/v1/tasks/{id}/adjustments              ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/tasks/{id}/adjustments              403     ok      403      ok/403   ok/403   403      403  401
			POST    /api/v1/tasks/{id}/move                     ok      ok      403      403      403      403      403  401
			GET     /api/v1/tasks/{id}/reports                  ok      ok      ok/403   ok/403   ok/403   403      403  401
			POST    /api/v1/tasks/{id}/reports                  403     403     403      ok/403   ok/403   403      403  401
			GET     /api/v1/units                               ok      ok      ok       ok       ok       ok       403  401
			POST    /api/v1/units                               ok      403     403      403      403      403      403  401
			GET     /api/v1/units/{id}                          ok      ok      ok       ok       ok       ok       403  401
			PATCH   /api/v1/units/{id}                          ok      403     403      403      403      403      403  401
			GET     /api/v1/units/{id}/reporting                ok      ok      ok/403   ok/403   ok/403   403      403  401
			GET     /api/v1/users                               ok      403     403      403      403      403      403  401
			POST    /api/v1/users                               ok      403     403      403      403      403      403  401
			GET     /api/v1/users/me                            ok      ok      ok       ok       ok       ok       ok   401
			GET     /api/v1/users/{id}                          ok      403     403      403      403      403      403  401
			PATCH   /api/v1/users/{id}                          ok      403     403      403      403      403      403  401
			POST    /api/v1/users/{id}/password                 ok      403     403      403      403      403      403  401
			""";
	// @formatter:on

	record Request(String method, String path, Object body) {

		int send(Api api, boolean multipart) {
			return switch (this.method) {
				case "GET" -> api.get(this.path).status();
				case "POST" -> multipart ? api.upload(this.path, "note.txt", "text/plain", "证明材料".getBytes()).status()
						: api.post(this.path, this.body).status();
				case "PUT" -> api.put(this.path, this.body).status();
				case "PATCH" -> api.patch(this.path, this.body).status();
				case "DELETE" -> api.delete(this.path).status();
				default -> throw new IllegalStateException(this.method);
			};
		}

	}

	/**
	 * The demo city's resources inside 江滨街道's scope (its own and its leader's) and
	 * outside it (a unit neither 江滨街道 nor its leader's portfolio reaches).
	 */
	static final class World {

		final Map<String, long[]> ids = new LinkedHashMap<>();

		final JdbcTemplate jdbc;

		final String leader;

		final String head;

		final String auditor;

		final long inside;

		final long outside;

		final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		final String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

		private final String outsideUnits;

		private final long openRound;

		private final String wenlv;

		World(JdbcTemplate jdbc, Api admin) {
			this.jdbc = jdbc;
			Fixtures fixtures = new Fixtures(admin);
			this.inside = unit("LJ-JB");
			long office = unit("LJ-ZFB");
			this.leader = fixtures.user(office, List.of(this.inside), "LEADER");
			this.head = fixtures.user(this.inside, "UNIT_HEAD");
			this.auditor = fixtures.user(unit("LJ-DCS"), "AUDITOR");
			this.outside = unit("LJ-WLJ");
			this.wenlv = "(" + this.outside + ")";
			this.outsideUnits = "(select id from unit where id not in (select u.id from unit u, unit s where s.id in ("
					+ this.inside + ", " + office + ") and (u.id = s.id or u.id_path like concat(s.id_path, '%'))))";
			long inside = this.inside;
			this.openRound = id("select min(id) from nomination_round where status = 'OPEN'");
			both("units", inside, this.outside);
			both("users", account(fixtures.user(inside, "UNIT_OPERATOR")),
					account(fixtures.user(this.outside, "UNIT_OPERATOR")));
			// tasks and reports outside are 区文化和旅游局's, whose demo head and liaison add to
			// them
			scoped("tasks", "select min(id) from task where lead_unit_id in %s", this.wenlv);
			scoped("milestones",
					"select min(m.id) from milestone m join task t on t.id = m.task_id where m.completed_on is null and t.lead_unit_id in %s");
			scoped("reports", "select min(id) from progress_report where unit_id in %s", this.wenlv);
			both("campaigns", id("select min(campaign_id) from task where id = " + pick("tasks", true)), id(
					"select min(c.id) from campaign c where not exists (select 1 from task t where t.campaign_id = c.id "
							+ "and (t.lead_unit_id = " + inside
							+ " or exists (select 1 from task_unit x where x.task_id = t.id " + "and x.unit_id = "
							+ inside + ")))"));
			scoped("letters", "select min(id) from responsibility_letter where unit_id in %s");
			scoped("projects", "select min(id) from project where lead_unit_id in %s");
			scoped("project-milestones",
					"select min(m.id) from project_milestone m join project p on p.id = m.project_id where p.lead_unit_id in %s");
			scoped("project-problems",
					"select min(q.id) from project_problem q join project p on p.id = q.project_id where q.solver_unit_id in %s");
			scoped("investment-reports", "select min(id) from investment_report where unit_id in %s");
			scoped("notices", "select min(id) from notice where unit_id in %s");
			scoped("rectifications", "select min(id) from rectification where unit_id in %s");
			scoped("people", "select min(id) from person where unit_id in %s");
			scoped("adjustments", "select min(id) from adjustment where unit_id in %s");
			scoped("enterprises", "select min(id) from enterprise where unit_id in %s");
			global("schemes", "select min(id) from scheme");
			global("rankings", "select min(id) from ranking");
			global("nomination-rounds", "select min(id) from nomination_round");
			global("inspections", "select min(id) from inspection");
			global("headquarters", "select min(id) from headquarters");
			global("inbox", "select min(id) from notification");
			global("rules", "select min(id) from escalation_rule");
			// the rest are made by prepare(): the demo holds them only outside 江滨街道
		}

		private void scoped(String kind, String sql) {
			scoped(kind, sql, this.outsideUnits);
		}

		private void scoped(String kind, String sql, String outsideUnits) {
			String insideUnits = "(select u.id from unit u, unit s where s.id = " + this.inside
					+ " and (u.id = s.id or u.id_path like concat(s.id_path, '%')))";
			both(kind, id(String.format(sql, insideUnits)), id(String.format(sql, outsideUnits)));
		}

		/**
		 * Creates, through the API, what the demo holds only outside 江滨街道: a project it
		 * leads with a month's figure, a report's evidence, a deadline change, a
		 * nomination, an exemption, a bulletin and its schedule, a campaign's attachment.
		 */
		void prepare(Api office, Api head, Api operator, Api otherHead, Api otherOperator) {
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("code", Fixtures.unique("XM"));
			project.put("name", "江滨老旧小区改造");
			project.put("category", "INDUSTRY");
			project.put("headquartersId", pick("headquarters", true));
			project.put("leadUnitId", this.inside);
			project.put("totalInvestment", 5_000_000);
			project.put("startDate", "2026-01-01");
			project.put("plannedCompletion", "2027-12-31");
			project.put("phase", "CONSTRUCTION");
			project.put("annualPlans", List.of(Map.of("year", 2026, "amount", 1_000_000)));
			long projectId = created(office.post("/api/v1/projects", project));
			this.ids.put("projects", new long[] { projectId, pick("projects", false) });
			this.ids.put("project-milestones",
					new long[] { id("select min(id) from project_milestone where project_id = " + projectId),
							pick("project-milestones", false) });
			long figure = created(operator.post("/api/v1/projects/" + projectId + "/investment-reports",
					Map.of("month", YearMonth.parse(this.month).minusMonths(1).toString(), "amount", 1000)));
			this.ids.put("investment-reports", new long[] { figure, pick("investment-reports", false) });
			created(operator.upload("/api/v1/reports/" + pick("reports", true) + "/evidence", "现场.pdf",
					"application/pdf", "%PDF-1.4\n%matrix\n".getBytes()));
			created(otherOperator.upload("/api/v1/reports/" + pick("reports", false) + "/evidence", "现场.pdf",
					"application/pdf", "%PDF-1.4\n%matrix\n".getBytes()));
			scoped("evidence",
					"select min(e.id) from report_evidence e join progress_report r on r.id = e.report_id where r.unit_id in %s");
			created(otherHead.post("/api/v1/tasks/" + pick("tasks", false) + "/adjustments",
					Map.of("kind", "EXTEND_DEADLINE", "reason", "受汛期影响", "newDeadline",
							LocalDate.parse(this.today).plusYears(3).toString())));
			created(head.post("/api/v1/tasks/" + pick("tasks", true) + "/adjustments", Map.of("kind", "EXTEND_DEADLINE",
					"reason", "受汛期影响", "newDeadline", LocalDate.parse(this.today).plusYears(3).toString())));
			scoped("task-adjustments",
					"select min(a.id) from task_adjustment a join task t on t.id = a.task_id where t.lead_unit_id in %s");
			created(head.post("/api/v1/nominations",
					Map.of("roundId", this.openRound, "personId", pick("people", true), "deeds", "带头攻坚，按期完成旧改")));
			scoped("nominations", "select min(id) from nomination where nominating_unit_id in %s");
			created(head.upload("/api/v1/nominations/" + pick("nominations", true) + "/evidence", "事迹.pdf",
					"application/pdf", "%PDF-1.4\n%deeds\n".getBytes()));
			scoped("nomination-files",
					"select min(f.id) from nomination_file f join nomination n on n.id = f.nomination_id where n.nominating_unit_id in %s");
			created(operator.upload("/api/v1/investment-reports/" + figure + "/photos", "现场.png", "image/png",
					new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 }));
			scoped("investment-photos",
					"select min(f.id) from investment_photo f join investment_report r on r.id = f.report_id where r.unit_id in %s");
			created(operator.upload("/api/v1/rectifications/" + pick("rectifications", true) + "/files", "整改.pdf",
					"application/pdf", "%PDF-1.4\n%fixed\n".getBytes()));
			scoped("supervision-files",
					"select min(f.id) from supervision_file f join rectification r on r.id = f.owner_id "
							+ "where f.owner_kind = 'RECTIFICATION' and r.unit_id in %s");
			long scheme = id("select min(scheme_id) from scheme_peer_group where peer_group = 'STREETS'");
			int quarter = (YearMonth.parse(this.month).getMonthValue() + 2) / 3;
			long penalty = created(office.post("/api/v1/adjustments",
					Map.of("schemeId", scheme, "unitId", this.inside, "period",
							YearMonth.parse(this.month).getYear() + "Q" + quarter, "kind", "PENALTY", "points", 1,
							"reason", "安全检查发现问题")));
			created(head.post("/api/v1/exemptions", Map.of("adjustmentId", penalty, "reason", "不可抗力")));
			scoped("exemptions",
					"select min(e.id) from exemption e join adjustment a on a.id = e.adjustment_id where a.unit_id in %s");
			office.get("/api/v1/bulletins/supervision?month=" + YearMonth.parse(this.month).minusMonths(1));
			global("bulletins", "select min(id) from bulletin");
			created(office.post("/api/v1/bulletin-schedules",
					Map.of("kind", "SUPERVISION", "workingDay", 3, "recipientIds", List.of(pick("users", true)))));
			global("bulletin-schedules", "select min(id) from bulletin_schedule");
			for (boolean inside : new boolean[] { true, false }) {
				created(office.upload("/api/v1/campaigns/" + pick("campaigns", inside) + "/attachments", "方案.pdf",
						"application/pdf", "%PDF-1.4\n%plan\n".getBytes()));
			}
			both("campaign-attachments",
					id("select min(id) from campaign_attachment where campaign_id = " + pick("campaigns", true)),
					id("select min(id) from campaign_attachment where campaign_id = " + pick("campaigns", false)));
		}

		private static long created(Api.Response response) {
			if (response.status() / 100 != 2) {
				throw new IllegalStateException("Cannot prepare the matrix: " + response);
			}
			return response.bytes().length > 0 && response.json().has("id") ? response.id() : 0;
		}

		/**
		 * The request an endpoint is called with: its path with the ids of resources
		 * inside or outside the callers' scope, and a body that is valid where the scope
		 * can only be judged on a valid request.
		 */
		Request request(String endpoint, boolean inside) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String template = endpoint.substring(endpoint.indexOf(' ') + 1);
			String path = path(template, inside);
			long unit = inside ? this.inside : this.outside;
			Object body = switch (endpoint) {
				case "POST /api/v1/milestones/{id}/complete", "POST /api/v1/project-milestones/{id}/complete" ->
					Map.of("completedOn", this.today);
				case "POST /api/v1/tasks/{id}/reports" ->
					Map.of("period", this.month, "percent", 50, "narrative", "按计划推进");
				case "POST /api/v1/tasks/{id}/adjustments" -> Map.of("kind", "EXTEND_DEADLINE", "reason", "受汛期影响",
						"newDeadline", LocalDate.parse(this.today).plusYears(4).toString());
				case "POST /api/v1/notices/{id}/respond" -> Map.of("text", "已部署整改");
				case "POST /api/v1/rectifications" -> Map.of("noticeId", pick("notices", inside), "measures", "立行立改",
						"dueDate", LocalDate.parse(this.today).plusDays(20).toString());
				case "POST /api/v1/rectifications/{id}/submit" -> Map.of("evidence", "整改完成");
				case "POST /api/v1/projects/{id}/investment-reports" ->
					Map.of("month", this.month, "amount", 1000, "narrative", "完成投资");
				case "POST /api/v1/projects/{id}/problems" -> Map.of("description", "征地滞后", "solverUnitId", unit,
						"dueDate", LocalDate.parse(this.today).plusDays(30).toString());
				case "POST /api/v1/project-problems/{id}/solve" -> Map.of("solvedOn", this.today, "resolution", "已协调");
				case "PUT /api/v1/indicator-values" ->
					Map.of("indicator", "GDP", "regionId", unit, "period", "2026", "target", 100);
				case "PUT /api/v1/enterprises/{id}/figures/{year}" ->
					Map.of("taxPaid", 10, "outputValue", 100, "energyUse", 1);
				case "POST /api/v1/enterprises" ->
					Map.of("code", String.format("91330106%010d", System.nanoTime() % 10_000_000_000L), "name",
							"矩阵测试企业", "unitId", unit, "landArea", 10);
				case "POST /api/v1/nominations" ->
					Map.of("roundId", this.openRound, "personId", pick("people", inside), "deeds", "攻坚克难");
				case "POST /api/v1/exemptions" -> Map.of("adjustmentId", pick("adjustments", inside), "reason", "不可抗力");
				case "POST /api/v1/users/{id}/password" ->
					Map.of("oldPassword", "wrong-Passw0rd!", "newPassword", "N3w-Passw0rd!x");
				default -> Map.of();
			};
			String query = switch (endpoint) {
				case "GET /api/v1/adjustments" -> "?schemeId=" + pick("schemes", inside) + "&unitId=" + unit;
				case "GET /api/v1/nominations" -> "?roundId=" + pick("nomination-rounds", inside);
				case "GET /api/v1/projects/figures" -> "?month=" + this.month + "&unitId=" + unit;
				case "GET /api/v1/rankings" -> "?schemeId=" + pick("schemes", inside) + "&period=2026Q3";
				case "GET /api/v1/schemes/{id}/annual" -> "?year=2025";
				case "GET /api/v1/inspections", "GET /api/v1/bulletins/supervision" -> "?month=" + this.month;
				case "GET /api/v1/bulletins/ranking" -> "?schemeId=" + pick("schemes", inside) + "&period=2026Q3";
				case "GET /api/v1/calendar/shift" -> "?date=" + this.today + "&workingDays=-3";
				case "GET /api/v1/calendar/working-days" -> "?from=" + this.today + "&to=" + this.today;
				case "GET /api/v1/calendar/working-hours" -> "?from=" + this.today + "T09:00:00%2B08:00&hours=8";
				case "GET /api/v1/tasks", "GET /api/v1/projects", "GET /api/v1/notices", "GET /api/v1/rectifications",
						"GET /api/v1/people", "GET /api/v1/enterprises" ->
					"?unitId=" + unit;
				case "GET /api/v1/indicator-values" -> "?regionId=" + unit;
				default -> "";
			};
			return new Request(method, path + query, body);
		}

		private long pick(String kind, boolean inside) {
			long[] pair = this.ids.get(kind);
			return inside ? pair[0] : pair[1];
		}

		private long account(String username) {
			return this.jdbc.queryForObject("select id from account where username = ?", Long.class, username);
		}

		private long unit(String code) {
			return this.jdbc.queryForObject("select id from unit where code = ?", Long.class, code);
		}

		private void both(String kind, long inside, long outside) {
			this.ids.put(kind, new long[] { inside, outside });
		}

		private void global(String kind, String sql) {
			long id = id(sql);
			both(kind, id, id);
		}

		private long id(String sql, Object... args) {
			Long id = this.jdbc.queryForObject(sql, Long.class, args);
			return (id != null) ? id : 999_999_999L;
		}

		String path(String template, boolean inside) {
			String[] segments = template.split("/");
			StringBuilder path = new StringBuilder();
			String previous = null;
			for (String segment : segments) {
				if (segment.isEmpty()) {
					continue;
				}
				path.append('/');
				if (segment.startsWith("{")) {
					path.append(value(previous, segment, inside));
				}
				else {
					path.append(segment);
				}
				previous = segment;
			}
			return path.toString();
		}

		private String value(String collection, String variable, boolean inside) {
			if (variable.equals("{year}")) {
				return "2026";
			}
			if (variable.equals("{code}")) {
				return "GDP";
			}
			long[] pair = this.ids.get(collection);
			if (pair == null) {
				throw new IllegalStateException("No ids for " + collection + "/" + variable);
			}
			return Long.toString(inside ? pair[0] : pair[1]);
		}

	}

}
