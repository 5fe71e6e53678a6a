package org.coophub.identity.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The signing key as stored.
 *
 * @param id {@value SigningKeyStore#CURRENT}: one fixed id, so two instances starting
 * together cannot both store a key
 * @param jwk the RSA key pair as a JSON Web Key, private part included
 * @param createdAt when it was generated
 */
@Document("signingKeys")
record StoredSigningKey(@Id String id, String jwk, Instant createdAt) {

	/** Leaves the private key out. */
	@Override
	public String toString() {
		return "StoredSigningKey[id=" + this.id + ", createdAt=" + this.createdAt + "]";
	}

}
