package org.coophub.reporting.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coophub.platform.security.Actor;
import org.coophub.platform.security.Actors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, so the dashboard can say so.
 */
@RestController
@Tag(name = "Sign-in", description = "Đăng nhập: who the dashboard's user is signed in as")
class SignedInController {

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who is signed in", description = "The user the token names: name, role and organization.")
	Actor me() {
		return Actors.current().orElseThrow();
	}

}
