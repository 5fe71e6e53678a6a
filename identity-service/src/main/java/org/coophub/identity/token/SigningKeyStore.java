package org.coophub.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Keeps the RSA key that signs tokens in MongoDB, generating it on first use: tokens stay
 * valid across restarts, and every instance signs with, and publishes, the same key.
 * Anyone who can read the {@code signingKeys} collection can sign tokens, so it gets the
 * same protection as the database's credentials.
 */
class SigningKeyStore {

	static final String CURRENT = "current";

	private static final int KEY_SIZE = 2048;

	private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

	private final MongoOperations mongo;

	private final Clock clock;

	SigningKeyStore(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The stored key, or a new one stored now. */
	RSAKey current() {
		return find().orElseGet(() -> storeOrTakeExisting(generate()));
	}

	/**
	 * Stores the candidate unless a key is stored already (another instance got there
	 * first), in which case that one wins.
	 */
	RSAKey storeOrTakeExisting(RSAKey candidate) {
		try {
			this.mongo.insert(new StoredSigningKey(CURRENT, candidate.toJSONString(), this.clock.instant()));
			log.info("Generated the token signing key {}", candidate.getKeyID());
			return candidate;
		}
		catch (DuplicateKeyException ex) {
			return find().orElseThrow(() -> new IllegalStateException("The signing key vanished while being stored"));
		}
	}

	private Optional<RSAKey> find() {
		return Optional.ofNullable(this.mongo.findById(CURRENT, StoredSigningKey.class)).map(SigningKeyStore::parse);
	}

	private static RSAKey parse(StoredSigningKey stored) {
		try {
			return RSAKey.parse(stored.jwk());
		}
		catch (ParseException ex) {
			// no cause: the message of a JWK parse error may quote key material
			throw new IllegalStateException("The stored signing key is not a valid RSA JSON Web Key");
		}
	}

	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

}
