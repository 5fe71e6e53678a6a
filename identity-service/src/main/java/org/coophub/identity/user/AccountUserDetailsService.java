package org.coophub.identity.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs users in against the {@code users} collection (form login of the
 * authorization-code flow).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	AccountUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findById(UserAccount.normalize(username))
			.map(AccountUserDetailsService::toUserDetails)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	private static UserDetails toUserDetails(UserAccount account) {
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.disabled(!account.enabled())
			.authorities(account.role().authority())
			.build();
	}

}
