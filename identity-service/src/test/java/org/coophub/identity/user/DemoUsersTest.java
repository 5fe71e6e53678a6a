package org.coophub.identity.user;

import java.util.List;

import org.bson.Document;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class DemoUsersTest {

	static final String DEMO_PASSWORD = "demo-Passw0rd";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DemoUsers demoUsers;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		Document editor = this.mongo.findById("ld-editor", Document.class, "users");

		assertThat(editor).isNotNull();
		String hash = editor.getString("passwordHash");
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(DEMO_PASSWORD);
		assertThat(this.passwords.matches(DEMO_PASSWORD, hash)).isTrue();
		assertThat(editor).containsEntry("role", "EDITOR")
			.containsEntry("organizationCode", "BQL-LD")
			.containsEntry("enabled", true);
	}

	@Test
	void theSecretariatIsStoredWithAnExplicitlyEmptyOrganization() {
		Document admin = this.mongo.findById("admin", Document.class, "users");

		assertThat(admin).containsEntry("role", "ADMIN")
			.containsEntry("displayName", "Ban thư ký chương trình (Program secretariat)")
			.containsKey("organizationCode");
		assertThat(admin.get("organizationCode")).isNull();
	}

	@Test
	void seedingAgainLeavesExistingUsersAsTheyAre() {
		List<Document> before = allUsers();

		int created = this.demoUsers.seed();

		assertThat(created).isZero();
		// a re-hashed password would differ (new salt): the documents are untouched
		assertThat(allUsers()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(before).extracting((user) -> user.getString("_id"))
			.containsExactlyInAnyOrder("admin", "ld-editor", "ld-viewer", "hcm-editor", "hcm-viewer");
	}

	@Test
	void seedingRecreatesOnlyAMissingUser() {
		this.mongo.remove(Query.query(Criteria.where("_id").is("hcm-viewer")), "users");

		int created = this.demoUsers.seed();

		assertThat(created).isEqualTo(1);
		assertThat(allUsers()).hasSize(5);
		Document recreated = this.mongo.findById("hcm-viewer", Document.class, "users");
		assertThat(recreated).containsEntry("organizationCode", "BQL-HCM").containsEntry("role", "VIEWER");
		assertThat(this.passwords.matches(DEMO_PASSWORD, recreated.getString("passwordHash"))).isTrue();
	}

	private List<Document> allUsers() {
		return this.mongo.findAll(Document.class, "users");
	}

}
