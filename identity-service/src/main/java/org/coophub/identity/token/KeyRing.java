package org.coophub.identity.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The keys in use at one moment: the one that signs (with its private part) and the
 * retired ones whose tokens may still be around (public parts only).
 *
 * @param generation the signing key's generation
 * @param signing the key that signs new tokens
 * @param signingSince when it was generated
 * @param retired public keys that still verify, newest first
 */
record KeyRing(long generation, RSAKey signing, Instant signingSince, List<RSAKey> retired) {

	KeyRing {
		retired = List.copyOf(retired);
	}

	/**
	 * Every key: the signing one first. Only the signing one has a private part, which is
	 * how the token encoder picks it; {@code /oauth2/jwks} publishes the public parts.
	 */
	JWKSet jwkSet() {
		List<JWK> keys = new ArrayList<>();
		keys.add(this.signing);
		keys.addAll(this.retired);
		return new JWKSet(keys);
	}

	/** The ids of every key that verifies, the signing one first. */
	List<String> keyIds() {
		return jwkSet().getKeys().stream().map(JWK::getKeyID).toList();
	}

}
