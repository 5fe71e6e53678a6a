package org.coophub.agreement.organization;

import java.time.Instant;
import java.util.List;

import org.coophub.events.agreement.Contact;
import org.coophub.events.agreement.OrganizationUpdated;
import org.coophub.events.common.LocalizedText;
import org.coophub.platform.problem.ConflictException;
import org.coophub.platform.problem.RuleViolationException;
import org.coophub.platform.web.TextInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTest {

	static final Instant NOW = Instant.parse("2012-11-06T01:30:00Z");

	static final Contact OFFICE = new Contact("Văn phòng", "vanphong@bqlkcn-lamdong.example", null, null, null, "vi",
			true);

	static Organization board() {
		return Organization.register("BQL-LD", new LocalizedText("Ban Quản lý các KCN tỉnh Lâm Đồng", null),
				OrganizationKind.INDUSTRIAL_ZONE_AUTHORITY, "Lâm Đồng", List.of("Văn phòng"), List.of(OFFICE));
	}

	@Test
	void anUpdateChangesOnlyWhatIsSentAndPublishesTheFullNewState() {
		Organization board = board();
		Contact investment = new Contact("Phòng Quản lý Đầu tư", "dautu@bqlkcn-lamdong.example", "0263 3822 000",
				"Phòng Quản lý Đầu tư", "Xúc tiến đầu tư", "en", false);

		OrganizationUpdated updated = board.update(
				new OrganizationChanges(new TextInput("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
						"Lam Dong Industrial Zones Authority"), null, null, null, null),
				List.of(OFFICE, investment), NOW);

		assertThat(updated.version()).isEqualTo(2);
		assertThat(updated.organization().name().en()).isEqualTo("Lam Dong Industrial Zones Authority");
		assertThat(updated.organization().province()).isEqualTo("Lâm Đồng");
		assertThat(updated.organization().contacts()).containsExactly(OFFICE, investment);
		assertThat(updated.organization().active()).isTrue();
	}

	@Test
	void anUpdateThatChangesNothingIsRefused() {
		Organization board = board();
		assertThatThrownBy(() -> board.update(
				new OrganizationChanges(null, OrganizationKind.INDUSTRIAL_ZONE_AUTHORITY, null, null, null), null, NOW))
			.isInstanceOf(RuleViolationException.class);
		assertThat(board.version()).isEqualTo(1);
	}

	@Test
	void deactivationKeepsTheOrganizationAndHappensOnce() {
		Organization board = board();

		OrganizationUpdated deactivated = board.deactivate(NOW);

		assertThat(deactivated.organization().active()).isFalse();
		assertThat(deactivated.version()).isEqualTo(2);
		assertThatThrownBy(() -> board.deactivate(NOW)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already");
	}

}
