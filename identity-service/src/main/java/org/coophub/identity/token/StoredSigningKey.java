package org.coophub.identity.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing key as stored: its public half in the clear, its private half encrypted
 * ({@link KeyEncryption}), and once retired not at all.
 *
 * @param generation the {@code _id}: 1 for the first key, one more for each rotation. The
 * highest signs. Two instances rotating at once both try to store the same generation,
 * and only one can.
 * @param kid the key id tokens name in their header
 * @param publicJwk the public key as a JSON Web Key
 * @param encryptedPrivateJwk the whole key pair as a JSON Web Key, encrypted; removed
 * once the key is retired (it never signs again)
 * @param encryption how {@code encryptedPrivateJwk} is encrypted
 * ({@value KeyEncryption#SCHEME})
 * @param createdAt when it was generated; also when the key before it was retired
 * @param retiredAt when a newer key took over, null while this one signs
 */
@Document(SigningKeyStore.COLLECTION)
record StoredSigningKey(@Id long generation, String kid, String publicJwk, String encryptedPrivateJwk,
		String encryption, Instant createdAt, Instant retiredAt) {

	boolean hasPrivatePart() {
		return this.encryptedPrivateJwk != null;
	}

	/** Leaves the key material out. */
	@Override
	public String toString() {
		return "StoredSigningKey[generation=" + this.generation + ", kid=" + this.kid + ", createdAt=" + this.createdAt
				+ ", retiredAt=" + this.retiredAt + "]";
	}

}
