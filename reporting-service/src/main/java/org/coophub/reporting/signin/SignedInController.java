package org.coophub.reporting.signin;

import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, so the dashboard can say so.
 */
@RestController
class SignedInController {

	@GetMapping("/api/v1/me")
	Actor me() {
		return Actors.current().orElseThrow();
	}

}
