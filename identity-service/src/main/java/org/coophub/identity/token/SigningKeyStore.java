package org.coophub.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps the RSA keys that sign tokens in MongoDB, so tokens outlive a restart and every
 * instance signs with, and publishes, the same keys. The private parts are stored
 * encrypted ({@link KeyEncryption}): reading the collection gives nothing to sign with.
 * <p>
 * Rotation stores a new generation, which signs from then on. The key it replaced loses
 * its private part at once and keeps verifying, its public part published, for the
 * retention (the longest a token lives, plus a margin); after that it is deleted.
 */
class SigningKeyStore {

	static final String COLLECTION = "signingKeys";

	/** The one document of versions before encryption, holding the key in plain text. */
	static final String LEGACY_ID = "current";

	private static final int KEY_SIZE = 2048;

	private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

	private final MongoOperations mongo;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final Duration retention;

	/**
	 * @param retention how long a retired key keeps verifying
	 */
	SigningKeyStore(MongoOperations mongo, KeyEncryption encryption, Clock clock, Duration retention) {
		this.mongo = mongo;
		this.encryption = encryption;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * The keys in use, generating the first one when there is none. Also finishes what a
	 * rotation left: retired keys lose their private parts, expired ones go.
	 */
	KeyRing load() {
		encryptLegacyKey();
		List<StoredSigningKey> keys = stored();
		if (keys.isEmpty()) {
			storeOrTakeExisting(1, generate());
			keys = stored();
		}
		return ring(keys);
	}

	/**
	 * Makes a new key the signing one, unless another instance replaced the given
	 * generation first (then theirs signs).
	 * @param replacing the generation that signs now
	 * @return the keys in use afterwards
	 */
	KeyRing rotate(long replacing) {
		RSAKey candidate = generate();
		if (storeOrTakeExisting(replacing + 1, candidate)) {
			log.info("Rotated the token signing key: {} signs from now on", candidate.getKeyID());
		}
		return load();
	}

	/**
	 * Stores the candidate as the given generation unless that generation is stored
	 * already (another instance got there first).
	 * @return whether the candidate was stored
	 */
	boolean storeOrTakeExisting(long generation, RSAKey candidate) {
		return storeOrTakeExisting(generation, candidate, this.clock.instant());
	}

	private boolean storeOrTakeExisting(long generation, RSAKey candidate, Instant createdAt) {
		String kid = candidate.getKeyID();
		try {
			this.mongo.insert(new StoredSigningKey(generation, kid, candidate.toPublicJWK().toJSONString(),
					this.encryption.encrypt(candidate.toJSONString(), kid), KeyEncryption.SCHEME, createdAt, null));
			log.info("Stored the token signing key {} (generation {})", kid, generation);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private List<StoredSigningKey> stored() {
		// the legacy document has no kid
		Query generations = new Query(Criteria.where("kid").exists(true)).with(Sort.by(Sort.Direction.DESC, "_id"));
		return this.mongo.find(generations, StoredSigningKey.class);
	}

	private KeyRing ring(List<StoredSigningKey> newestFirst) {
		StoredSigningKey current = newestFirst.get(0);
		RSAKey signing = parse(this.encryption.decrypt(current.encryptedPrivateJwk(), current.kid()), current.kid());
		if (!signing.isPrivate() || !current.kid().equals(signing.getKeyID())) {
			throw new IllegalStateException("The stored signing key " + current.kid() + " is not its own key pair");
		}
		List<RSAKey> retired = new ArrayList<>();
		Instant now = this.clock.instant();
		for (int i = 1; i < newestFirst.size(); i++) {
			StoredSigningKey key = newestFirst.get(i);
			// retired the moment its successor was made
			Instant retiredAt = newestFirst.get(i - 1).createdAt();
			if (key.hasPrivatePart()) {
				wipePrivatePart(key, retiredAt);
			}
			if (now.isBefore(retiredAt.plus(this.retention))) {
				retired.add(parse(key.publicJwk(), key.kid()));
			}
			else {
				this.mongo.remove(Query.query(Criteria.where("_id").is(key.generation())), COLLECTION);
				log.info("Deleted the signing key {}: no token it signed is still valid", key.kid());
			}
		}
		return new KeyRing(current.generation(), signing, current.createdAt(), retired);
	}

	private void wipePrivatePart(StoredSigningKey key, Instant retiredAt) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key.generation())),
				new Update().unset("encryptedPrivateJwk").set("retiredAt", retiredAt), COLLECTION);
	}

	/**
	 * Versions before encryption kept one key in plain text under {@value #LEGACY_ID}: it
	 * becomes generation 1, encrypted, and the plain text goes. Tokens it signed stay
	 * valid.
	 */
	private void encryptLegacyKey() {
		Document legacy = this.mongo.findById(LEGACY_ID, Document.class, COLLECTION);
		if (legacy == null) {
			return;
		}
		if (stored().isEmpty()) {
			RSAKey key = parse(legacy.getString("jwk"), LEGACY_ID);
			Object createdAt = legacy.get("createdAt");
			storeOrTakeExisting(1, key,
					(createdAt instanceof java.util.Date date) ? date.toInstant() : this.clock.instant());
			log.info("Encrypted the signing key {} that an earlier version stored in plain text", key.getKeyID());
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(LEGACY_ID)), COLLECTION);
	}

	private static RSAKey parse(String jwk, String kid) {
		try {
			return RSAKey.parse(jwk);
		}
		catch (ParseException ex) {
			// no cause: the message of a JWK parse error may quote key material
			throw new IllegalStateException("The stored signing key " + kid + " is not a valid RSA JSON Web Key");
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
