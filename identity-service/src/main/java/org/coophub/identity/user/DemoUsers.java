package org.coophub.identity.user;

import java.util.List;

import org.coophub.identity.IdentityProperties;
import org.coophub.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users of the local stack (see application.yml) when they are missing;
 * only with {@code coophub.identity.demo-users=true}, never by default. Existing users
 * are left as they are: a demo user whose password or role was changed keeps the change.
 */
@Component
@ConditionalOnBooleanProperty(name = "coophub.identity.demo-users")
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private static final String LAM_DONG = "BQL-LD";

	private static final String HCMC = "BQL-HCM";

	private final UserAccounts accounts;

	private final PasswordEncoder passwords;

	private final String password;

	DemoUsers(UserAccounts accounts, PasswordEncoder passwords, IdentityProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.password = properties.demoPassword();
	}

	@Override
	public void run(ApplicationArguments args) {
		log.warn("Demo users are on (coophub.identity.demo-users): turn them off outside the local stack");
		seed();
	}

	/**
	 * Inserts the demo users that do not exist yet.
	 * @return how many were inserted
	 */
	int seed() {
		int created = 0;
		for (DemoUser user : DemoUser.ALL) {
			if (!this.accounts.existsById(user.username()) && insert(user)) {
				created++;
			}
		}
		return created;
	}

	private boolean insert(DemoUser user) {
		try {
			this.accounts.insert(new UserAccount(user.username(), this.passwords.encode(this.password),
					user.displayName(), user.organizationCode(), user.role(), true));
			log.info("Created demo user {}", user.username());
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another instance starting at the same time created it first
			return false;
		}
	}

	private record DemoUser(String username, String displayName, String organizationCode, Role role) {

		static final List<DemoUser> ALL = List.of(
				new DemoUser("admin", "Ban thư ký chương trình (Program secretariat)", null, Role.ADMIN),
				new DemoUser("ld-editor", "Biên tập viên – BQL các KCN Lâm Đồng", LAM_DONG, Role.EDITOR),
				new DemoUser("ld-viewer", "Người xem – BQL các KCN Lâm Đồng", LAM_DONG, Role.VIEWER),
				new DemoUser("hcm-editor", "Biên tập viên – BQL các KCX và CN TP.HCM", HCMC, Role.EDITOR),
				new DemoUser("hcm-viewer", "Người xem – BQL các KCX và CN TP.HCM", HCMC, Role.VIEWER));

	}

}
