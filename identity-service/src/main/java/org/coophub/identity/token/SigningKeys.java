package org.coophub.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The keys the server signs with and publishes, as Spring Authorization Server asks for
 * them. Read from the {@link SigningKeyStore} at start (a key-encryption key that does
 * not fit stops the start) and again every {@link #RELOAD_EVERY}, so a rotation by
 * another instance shows here within that time; the key it replaced keeps verifying far
 * longer. When the signing key is older than the rotation period, the next reload rotates
 * it.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

	/** How long a read of the store is used before reading again. */
	static final Duration RELOAD_EVERY = Duration.ofMinutes(1);

	private final SigningKeyStore store;

	private final Clock clock;

	private final Duration rotation;

	private volatile Loaded loaded;

	/**
	 * @param rotation how old the signing key may get before it is replaced; null or
	 * zero: only when asked ({@link #rotate()})
	 */
	SigningKeys(SigningKeyStore store, Clock clock, Duration rotation) {
		this.store = store;
		this.clock = clock;
		this.rotation = rotation;
		reload();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(ring().jwkSet());
	}

	/** The keys in use now. */
	public KeyRing ring() {
		Loaded current = this.loaded;
		if (this.clock.instant().isBefore(current.at().plus(RELOAD_EVERY))) {
			return current.ring();
		}
		synchronized (this) {
			return (this.loaded != current) ? this.loaded.ring() : reload();
		}
	}

	/**
	 * Replaces the signing key now.
	 * @return the keys in use afterwards
	 */
	public synchronized KeyRing rotate() {
		KeyRing rotated = this.store.rotate(this.store.load().generation());
		this.loaded = new Loaded(rotated, this.clock.instant());
		return rotated;
	}

	private synchronized KeyRing reload() {
		KeyRing ring = this.store.load();
		if (rotationDue(ring)) {
			ring = this.store.rotate(ring.generation());
		}
		this.loaded = new Loaded(ring, this.clock.instant());
		return ring;
	}

	private boolean rotationDue(KeyRing ring) {
		return this.rotation != null && !this.rotation.isZero() && !this.rotation.isNegative()
				&& !this.clock.instant().isBefore(ring.signingSince().plus(this.rotation));
	}

	private record Loaded(KeyRing ring, Instant at) {
	}

}
