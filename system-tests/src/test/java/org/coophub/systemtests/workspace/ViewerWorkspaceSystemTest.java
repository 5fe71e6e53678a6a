package org.coophub.systemtests.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coophub.localstack.LocalStack;
import org.coophub.localstack.process.StackService;
import org.coophub.systemtests.SharedStack;
import org.coophub.systemtests.browser.Browser;
import org.coophub.systemtests.browser.SignedInBrowsers;
import org.coophub.systemtests.browser.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer of the Lâm Đồng board ({@code ld-viewer}) in the workspace: no page shows a
 * control that changes a record, on a desktop or a 360 px phone, and every write sent
 * from the browser through the workspace anyway (with the session cookie and the CSRF
 * header, as the pages send them) is refused with 403, nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewerWorkspaceSystemTest {

	/**
	 * Edit controls left on a page: anything the pages mark {@code data-edit}, and any
	 * form that submits but a search (the calendar's and the ledger's filters).
	 */
	static final String EDIT_CONTROLS = "Array.from(document.querySelectorAll('[data-edit]'))"
			+ ".concat(Array.from(document.querySelectorAll('main form')).filter((form) =>"
			+ " form.getAttribute('role') !== 'search'"
			+ " && form.querySelector('button[type=submit], button:not([type]), input[type=submit]')))"
			+ ".map((node) => node.id || node.tagName).join(',')";

	private LocalStack stack;

	private ScriptsApi api;

	private Workspace viewer;

	private Browser browser;

	@BeforeAll
	void start() {
		this.stack = SharedStack.get();
		this.api = new ScriptsApi(this.stack);
		this.viewer = SignedInBrowsers.of("ld-viewer");
		this.browser = this.viewer.browser();
	}

	@Test
	void noPageShowsAnEditControlOnADesktopOrAPhone() {
		for (int width : new int[] { 1400, 360 }) {
			this.browser.windowSize(width, (width == 360) ? 800 : 1100);
			for (String page : Workspace.PAGES) {
				this.viewer.open(page);
				assertThat(this.browser.text("document.body.dataset.role")).isEqualTo("VIEWER");
				assertThat(this.browser.text(EDIT_CONTROLS)).as("edit controls on %s at %d px", page, width).isEmpty();
				if (width == 360) {
					assertThat(this.browser.number("document.documentElement.scrollWidth"))
						.as("%s scrolls sideways at 360 px", page)
						.isLessThanOrEqualTo(360);
				}
			}
		}
		this.browser.windowSize(1400, 1100);
	}

	@Test
	void everyWriteThroughTheWorkspaceIsRefused() {
		String lamDong = this.api.organizationId("BQL-LD");
		String hcmc = this.api.organizationId("BQL-HCM");
		String agreement = this.stack.demoData().orElseThrow().agreementId();
		String activity = this.api.activities(agreement).get(0).path("id").asString();
		int activities = this.api.activities(agreement).size();
		String template = this.api.text(StackService.ACTIVITY,
				"/api/v1/imports/activities/template?format=csv&lang=en");
		this.viewer.open("activities.html");
		List<Write> writes = List.of(new Write("record an activity", "POST", "api/v1/activities", """
				{"agreementId":"%s","type":"JOINT_MEETING","title":{"vi":"Họp giao ban của người xem"},
				 "startsAt":"2026-03-10T09:00:00","endsAt":"2026-03-10T11:00:00",
				 "hostOrganizationId":"%s","participantOrganizationIds":["%s"],"status":"PLANNED"}
				""".formatted(agreement, lamDong, hcmc), Map.of()),
				new Write("change an activity", "PATCH", "api/v1/activities/" + activity,
						"{\"title\":{\"vi\":\"Đổi tên\"}}",
						Map.of("If-Match", this.api.etag(StackService.ACTIVITY, "/api/v1/activities/" + activity))),
				new Write("cancel an activity", "POST", "api/v1/activities/" + activity + "/cancel", "{}",
						Map.of("If-Match", this.api.etag(StackService.ACTIVITY, "/api/v1/activities/" + activity))),
				new Write("import activities", "POST", "api/v1/imports/activities", template,
						Map.of("Content-Type", "text/csv")),
				new Write("create an agreement", "POST", "api/v1/agreements", """
						{"code":"VIEWER-X","title":{"vi":"Thỏa thuận của người xem"},
						 "parties":[{"organizationId":"%s","role":"LEAD"},{"organizationId":"%s","role":"PARTNER"}],
						 "signedOn":"2025-01-15","startsOn":"2025-01-15","areas":["INVESTMENT_PROMOTION"]}
						""".formatted(lamDong, hcmc), Map.of()),
				new Write("amend an agreement", "PATCH", "api/v1/agreements/" + agreement,
						"{\"note\":\"Sửa đổi của người xem\"}",
						Map.of("If-Match", this.api.etag(StackService.AGREEMENT, "/api/v1/agreements/" + agreement))),
				new Write("register an organization", "POST", "api/v1/organizations", """
						{"code":"VIEWER-ORG","name":{"vi":"Tổ chức của người xem"},"kind":"OTHER","province":"Lâm Đồng"}
						""", Map.of()),
				new Write("change an organization", "PATCH", "api/v1/organizations/" + lamDong,
						"{\"province\":\"Hà Nội\"}",
						Map.of("If-Match", this.api.etag(StackService.AGREEMENT, "/api/v1/organizations/" + lamDong))));
		List<String> accepted = new ArrayList<>();
		for (Write write : writes) {
			String answer = this.viewer.fetch(write.method(), write.path(), write.body(), write.headers());
			if (!answer.startsWith("403 ")) {
				accepted.add(write.what() + " (" + write.method() + " " + write.path() + "): " + answer);
			}
		}
		assertThat(accepted).as("writes a viewer got through").isEmpty();
		assertThat(this.api.activities(agreement)).as("nothing stored").hasSize(activities);
		assertThat(this.api.get(StackService.AGREEMENT, "/api/v1/organizations/" + lamDong).path("province").asString())
			.isEqualTo("Lâm Đồng");
	}

	/** A write a person could try from their browser. */
	private record Write(String what, String method, String path, String body, Map<String, String> headers) {
	}

}
