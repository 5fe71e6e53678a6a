package org.coophub.identity.token;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat's view of the signing keys, and the rotation on demand (ADMIN token,
 * see {@code SecurityConfiguration}). Shows key ids only, never key material.
 */
@RestController
@RequestMapping("/admin/signing-keys")
class SigningKeyController {

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping
	KeysView keys() {
		return KeysView.of(this.keys.ring());
	}

	/**
	 * A new key signs from now on; the one it replaces keeps verifying until every token
	 * it signed has expired.
	 */
	@PostMapping("/rotation")
	KeysView rotate() {
		return KeysView.of(this.keys.rotate());
	}

	/**
	 * @param signing the id of the key that signs new tokens
	 * @param signingSince when it was made
	 * @param verifying the ids of every key whose tokens are accepted, the signing one
	 * first
	 */
	record KeysView(String signing, Instant signingSince, List<String> verifying) {

		static KeysView of(KeyRing ring) {
			return new KeysView(ring.signing().getKeyID(), ring.signingSince(), ring.keyIds());
		}

	}

}
