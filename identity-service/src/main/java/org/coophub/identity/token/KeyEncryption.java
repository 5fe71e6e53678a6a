package org.coophub.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.coophub.platform.secret.RefusedConfigurationException;
import org.coophub.platform.secret.RequiredSecret;

/**
 * Encrypts the signing keys' private parts before they are stored, with AES-256-GCM under
 * the key-encryption key from the environment ({@value #PROPERTY}). A reader of the
 * database alone learns the public keys, nothing it could sign with. Each ciphertext is
 * bound to its key id (additional authenticated data), so one stored key's ciphertext
 * cannot be passed off as another's.
 */
public final class KeyEncryption {

	/** The property holding the key-encryption key: 32 random bytes, base64. */
	public static final String PROPERTY = "coophub.identity.key-encryption-key";

	/** How stored documents name the scheme, should it ever change. */
	static final String SCHEME = "A256GCM";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	private KeyEncryption(SecretKey key) {
		this.key = key;
	}

	/**
	 * Reads the key-encryption key as configured.
	 * @param base64 the configured value
	 * @return the encryption
	 * @throws RefusedConfigurationException when it is missing, a placeholder or not 32
	 * bytes in base64
	 */
	public static KeyEncryption of(String base64) {
		return new KeyEncryption(new SecretKeySpec(RequiredSecret.checkKey(PROPERTY, base64, KEY_BYTES), "AES"));
	}

	/**
	 * @param plaintext what to hide
	 * @param keyId the key id it belongs to, checked again on decryption
	 * @return base64 of nonce and ciphertext (tag included)
	 */
	String encrypt(String plaintext, String keyId) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, keyId);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt with AES-GCM", ex);
		}
	}

	/**
	 * @param stored what {@link #encrypt} returned
	 * @param keyId the key id it was encrypted for
	 * @return the plaintext
	 * @throws RefusedConfigurationException when this key-encryption key is not the one
	 * it was encrypted with (or the stored value was changed)
	 */
	String decrypt(String stored, String keyId) {
		byte[] bytes = Base64.getDecoder().decode(stored);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), keyId);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new RefusedConfigurationException(PROPERTY, "does not decrypt the stored signing key " + keyId
					+ ": it is not the key that key was encrypted with (or the stored key was altered)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt with AES-GCM", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String keyId) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	/** Leaves the key out. */
	@Override
	public String toString() {
		return "KeyEncryption[" + SCHEME + "]";
	}

}
