package org.coophub.identity.user;

import org.bson.Document;
import org.coophub.platform.security.Role;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles are stored by name, as identity-service's own role type stored them before the
 * platform's replaced it: users stored then read the same, and are written back the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class StoredRolesTest {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UserAccounts accounts;

	@Test
	void aUserStoredBeforeTheRolesWereOneTypeReadsAndWritesTheSameRole() {
		// the document as the earlier version wrote it
		this.mongo.save(new Document("_id", "earlier-editor").append("passwordHash", "{bcrypt}not-a-real-hash")
			.append("displayName", "Biên tập viên – BQL các KCN Lâm Đồng")
			.append("organizationCode", "BQL-LD")
			.append("role", "EDITOR")
			.append("enabled", true)
			.append("_class", UserAccount.class.getName()), "users");

		UserAccount read = this.accounts.findById("earlier-editor").orElseThrow();
		assertThat(read.role()).isEqualTo(Role.EDITOR);
		assertThat(read.displayName()).isEqualTo("Biên tập viên – BQL các KCN Lâm Đồng");

		this.accounts.save(new UserAccount(read.username(), read.passwordHash(), read.displayName(),
				read.organizationCode(), Role.VIEWER, read.enabled()));
		assertThat(this.mongo.findById("earlier-editor", Document.class, "users")).containsEntry("role", "VIEWER");
		this.accounts.deleteById("earlier-editor");
	}

}
