package org.coophub.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.coophub.identity.secret.RefusedStartTest;
import org.coophub.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A server given another key-encryption key than the one its stored keys were encrypted
 * with does not start, rather than make a new key or serve a broken one.
 */
@ExtendWith(OutputCaptureExtension.class)
class WrongKeyEncryptionKeyTest {

	@Test
	void theServerRefusesToStartAndSaysWhichProperty(CapturedOutput output) {
		String database = "identity-wrong-kek-" + UUID.randomUUID();
		try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
			MongoTemplate mongo = new MongoTemplate(client, database);
			String right = Base64.getEncoder().encodeToString(new byte[32]);
			String kid = new SigningKeyStore(mongo, KeyEncryption.of(right), Clock.systemUTC(), Duration.ofHours(1))
				.load()
				.signing()
				.getKeyID();

			// the test configuration's key is another one
			RefusedStartTest.assertRefusedOn(output, database,
					"coophub.identity.key-encryption-key does not decrypt the stored signing key " + kid);
			mongo.getDb().drop();
		}
	}

}
