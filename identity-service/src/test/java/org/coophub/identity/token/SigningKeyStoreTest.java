package org.coophub.identity.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.coophub.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing key outlives the process: whoever loads it next, a restarted server or a
 * second instance, gets the same key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class SigningKeyStoreTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoClient mongoClient;

	@Autowired
	JWKSource<SecurityContext> jwkSource;

	@Test
	void anotherLoaderGetsTheKeyTheServerSignsWithAndPublishes() throws Exception {
		String served = only(this.jwkSource.get(new JWKSelector(new JWKMatcher.Builder().build()), null)).getKeyID();

		RSAKey loadedAgain = new SigningKeyStore(this.mongo, Clock.systemUTC()).current();

		assertThat(loadedAgain.getKeyID()).isEqualTo(served);
		assertThat(loadedAgain.isPrivate()).isTrue();
		assertThat(only(publishedKeys()).getKeyID()).isEqualTo(served);
	}

	@Test
	void thePublishedKeyHasNoPrivatePart() throws Exception {
		JWK published = only(publishedKeys());

		assertThat(published.isPrivate()).isFalse();
		assertThat(published.getKeyUse().identifier()).isEqualTo("sig");
		assertThat(published.getAlgorithm().getName()).isEqualTo("RS256");
	}

	@Test
	void aNewDatabaseGetsOneKeyThatLaterLoadsReturn() throws Exception {
		MongoTemplate fresh = new MongoTemplate(this.mongoClient, "identity-keys-" + UUID.randomUUID());

		RSAKey first = new SigningKeyStore(fresh, Clock.systemUTC()).current();
		RSAKey second = new SigningKeyStore(fresh, Clock.systemUTC()).current();

		assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
		assertThat(fresh.count(new Query(), "signingKeys")).isOne();
		fresh.getDb().drop();
	}

	@Test
	void whenAnotherInstanceStoredAKeyFirstItsKeyWins() {
		MongoTemplate fresh = new MongoTemplate(this.mongoClient, "identity-keys-" + UUID.randomUUID());
		SigningKeyStore store = new SigningKeyStore(fresh, Clock.systemUTC());
		RSAKey winner = store.current();
		RSAKey loser = SigningKeyStore.generate();

		// as if this instance found no key, generated one and tried to store it
		RSAKey taken = store.storeOrTakeExisting(loser);

		assertThat(taken.getKeyID()).isEqualTo(winner.getKeyID()).isNotEqualTo(loser.getKeyID());
		fresh.getDb().drop();
	}

	private List<JWK> publishedKeys() throws IOException, InterruptedException, ParseException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/jwks")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JWKSet.parse(response.body()).getKeys();
	}

	private static JWK only(List<JWK> keys) {
		assertThat(keys).hasSize(1);
		return keys.get(0);
	}

}
