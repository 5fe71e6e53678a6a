package org.coophub.identity.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How failed sign-ins are throttled ({@code coophub.identity.sign-in.*}).
 *
 * @param maxFailures failed sign-ins for one username within the window that lock it
 * @param window how long failures are counted together; a count older than this starts
 * over
 * @param maxFailuresPerAddress failed sign-ins from one client address within the window
 * that lock the address (whatever usernames it tried)
 * @param lockout how long the first lock lasts; each further lock of the same key, before
 * its record expired, lasts twice as long as the one before
 * @param maxLockout the longest a lock lasts
 */
@ConfigurationProperties("coophub.identity.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("1m") Duration lockout,
		@DefaultValue("1h") Duration maxLockout) {

	public SignInProperties {
		Assert.isTrue(maxFailures > 0, "coophub.identity.sign-in.max-failures must be positive");
		Assert.isTrue(maxFailuresPerAddress > 0, "coophub.identity.sign-in.max-failures-per-address must be positive");
		Assert.isTrue(!window.isNegative() && !window.isZero(), "coophub.identity.sign-in.window must be positive");
		Assert.isTrue(!lockout.isNegative() && !lockout.isZero(), "coophub.identity.sign-in.lockout must be positive");
		Assert.isTrue(maxLockout.compareTo(lockout) >= 0,
				"coophub.identity.sign-in.max-lockout must not be shorter than the lockout");
	}

	/**
	 * How long the lock that is the {@code nth} (1, 2, …) in a row lasts: doubling,
	 * capped.
	 */
	Duration lockoutNumber(int nth) {
		Duration lock = this.lockout;
		for (int i = 1; i < nth && lock.compareTo(this.maxLockout) < 0; i++) {
			lock = lock.multipliedBy(2);
		}
		return (lock.compareTo(this.maxLockout) < 0) ? lock : this.maxLockout;
	}

}
