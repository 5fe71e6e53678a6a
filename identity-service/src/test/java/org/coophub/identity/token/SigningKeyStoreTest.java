package org.coophub.identity.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.coophub.identity.IdentityProperties;
import org.coophub.platform.secret.RefusedConfigurationException;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The signing keys outlive the process, encrypted: whoever loads them next with the same
 * key-encryption key, a restarted server or a second instance, gets the same keys, and a
 * reader of the database gets nothing to sign with. Rotation keeps the old public key
 * until its tokens expired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class SigningKeyStoreTest {

	static final Duration RETENTION = Duration.ofMinutes(40);

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoClient mongoClient;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	IdentityProperties properties;

	MongoTemplate fresh;

	KeyEncryption encryption;

	@BeforeEach
	void setUp() {
		this.fresh = new MongoTemplate(this.mongoClient, "identity-keys-" + UUID.randomUUID());
		this.encryption = KeyEncryption.of(this.properties.keyEncryptionKey());
	}

	@AfterEach
	void dropFresh() {
		this.fresh.getDb().drop();
	}

	@Test
	void anotherLoaderGetsTheKeyTheServerSignsWithAndPublishes() throws Exception {
		String served = this.signingKeys.ring().signing().getKeyID();

		RSAKey loadedAgain = new SigningKeyStore(this.mongo, this.encryption, Clock.systemUTC(), RETENTION).load()
			.signing();

		assertThat(loadedAgain.getKeyID()).isEqualTo(served);
		assertThat(loadedAgain.isPrivate()).isTrue();
		assertThat(publishedKeys()).extracting(JWK::getKeyID).contains(served);
	}

	@Test
	void thePublishedKeysHaveNoPrivatePart() throws Exception {
		assertThat(publishedKeys()).isNotEmpty().allSatisfy((published) -> {
			assertThat(published.isPrivate()).isFalse();
			assertThat(published.getKeyUse().identifier()).isEqualTo("sig");
			assertThat(published.getAlgorithm().getName()).isEqualTo("RS256");
		});
	}

	@Test
	void theStoredDocumentHoldsNoPlainKeyMaterial() {
		RSAKey key = store(Clock.systemUTC()).load().signing();

		Document stored = this.fresh.getCollection(SigningKeyStore.COLLECTION).find().first();

		assertThat(stored).containsEntry("_id", 1L)
			.containsEntry("kid", key.getKeyID())
			.containsEntry("encryption", "A256GCM")
			.containsKey("encryptedPrivateJwk");
		String json = stored.toJson();
		for (String secret : List.of(key.getPrivateExponent().toString(), key.getFirstPrimeFactor().toString(),
				key.getSecondPrimeFactor().toString(), key.getFirstCRTCoefficient().toString())) {
			assertThat(json).doesNotContain(secret);
		}
		assertThat(json).doesNotContain("\"d\"");
		// the ciphertext is not the JWK in another encoding
		String decoded = new String(Base64.getDecoder().decode(stored.getString("encryptedPrivateJwk")));
		assertThat(decoded).doesNotContain(key.getPrivateExponent().toString());
		assertThat(stored.getString("publicJwk")).doesNotContain("\"d\"").contains(key.getModulus().toString());
	}

	@Test
	void aNewDatabaseGetsOneKeyThatLaterLoadsReturn() throws Exception {
		RSAKey first = store(Clock.systemUTC()).load().signing();
		RSAKey second = store(Clock.systemUTC()).load().signing();

		assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
		assertThat(this.fresh.count(new Query(), SigningKeyStore.COLLECTION)).isOne();
	}

	@Test
	void whenAnotherInstanceStoredAKeyFirstItsKeyWins() {
		SigningKeyStore store = store(Clock.systemUTC());
		RSAKey winner = store.load().signing();
		RSAKey loser = SigningKeyStore.generate();

		// as if this instance found no key, generated one and tried to store it
		boolean stored = store.storeOrTakeExisting(1, loser);

		assertThat(stored).isFalse();
		assertThat(store.load().signing().getKeyID()).isEqualTo(winner.getKeyID()).isNotEqualTo(loser.getKeyID());
	}

	@Test
	void rotationSignsWithANewKeyAndKeepsTheOldOnePublicUntilItsTokensExpired() {
		MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
		SigningKeyStore store = store(clock);
		KeyRing before = store.load();
		clock.advance(Duration.ofDays(1));

		KeyRing after = store.rotate(before.generation());

		assertThat(after.generation()).isEqualTo(2);
		assertThat(after.signing().getKeyID()).isNotEqualTo(before.signing().getKeyID());
		assertThat(after.retired()).extracting(JWK::getKeyID).containsExactly(before.signing().getKeyID());
		assertThat(after.retired()).noneMatch(JWK::isPrivate);
		Document retired = this.fresh.findById(1L, Document.class, SigningKeyStore.COLLECTION);
		assertThat(retired).doesNotContainKey("encryptedPrivateJwk")
			.containsEntry("retiredAt", Date.from(clock.instant()));

		// a second instance that missed the rotation replaces the same generation: no
		// third key
		assertThat(store.rotate(before.generation()).signing().getKeyID()).isEqualTo(after.signing().getKeyID());

		clock.advance(RETENTION.minusSeconds(1));
		assertThat(store.load().keyIds()).hasSize(2);

		clock.advance(Duration.ofSeconds(1));
		KeyRing later = store.load();
		assertThat(later.keyIds()).containsExactly(after.signing().getKeyID());
		assertThat(this.fresh.count(new Query(), SigningKeyStore.COLLECTION)).isOne();
	}

	@Test
	void theKeyIsReplacedWhenOlderThanTheRotationPeriod() {
		MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
		SigningKeys keys = new SigningKeys(store(clock), clock, Duration.ofDays(90));
		String first = keys.ring().signing().getKeyID();

		clock.advance(Duration.ofDays(89));
		assertThat(keys.ring().signing().getKeyID()).isEqualTo(first);

		clock.advance(Duration.ofDays(1));
		KeyRing rotated = keys.ring();
		assertThat(rotated.signing().getKeyID()).isNotEqualTo(first);
		assertThat(rotated.keyIds()).containsExactly(rotated.signing().getKeyID(), first);
	}

	@Test
	void aKeyStoredInPlainTextByAnEarlierVersionIsEncryptedAndKeepsItsId() {
		RSAKey legacy = SigningKeyStore.generate();
		this.fresh.insert(new Document("_id", SigningKeyStore.LEGACY_ID).append("jwk", legacy.toJSONString())
			.append("createdAt", new Date()), SigningKeyStore.COLLECTION);

		KeyRing ring = store(Clock.systemUTC()).load();

		assertThat(ring.signing().getKeyID()).isEqualTo(legacy.getKeyID());
		assertThat(this.fresh.findById(SigningKeyStore.LEGACY_ID, Document.class, SigningKeyStore.COLLECTION)).isNull();
		assertThat(this.fresh.getCollection(SigningKeyStore.COLLECTION).find().first().toJson())
			.doesNotContain(legacy.getPrivateExponent().toString());
	}

	@Test
	void anotherKeyEncryptionKeyCannotReadTheStoredKey() {
		String kid = store(Clock.systemUTC()).load().signing().getKeyID();
		KeyEncryption other = KeyEncryption.of(Base64.getEncoder().encodeToString(new byte[32]));

		assertThatExceptionOfType(RefusedConfigurationException.class)
			.isThrownBy(() -> new SigningKeyStore(this.fresh, other, Clock.systemUTC(), RETENTION).load())
			.withMessage("coophub.identity.key-encryption-key does not decrypt the stored signing key " + kid
					+ ": it is not the key that key was encrypted with (or the stored key was altered)");
	}

	private SigningKeyStore store(Clock clock) {
		return new SigningKeyStore(this.fresh, this.encryption, clock, RETENTION);
	}

	private List<JWK> publishedKeys() throws IOException, InterruptedException, ParseException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/jwks")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JWKSet.parse(response.body()).getKeys();
	}

}
