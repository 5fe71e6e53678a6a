package org.coophub.identity.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form, in Vietnamese and English. Ours rather than Spring Security's default
 * page, which can only say "Invalid credentials": a locked sign-in has to say that
 * waiting helps. Every failure reads the same whether the username exists or not.
 */
@RestController
class LoginPageController {

	static final String FAILED = "Tên đăng nhập hoặc mật khẩu không đúng. / Wrong username or password.";

	static final String LOCKED = "Đăng nhập sai quá nhiều lần: tạm thời không thể đăng nhập, vui lòng thử lại sau ít phút. "
			+ "/ Too many failed sign-ins: signing in is blocked for now, please try again in a few minutes.";

	static final String SIGNED_OUT = "Bạn đã đăng xuất. / You have signed out.";

	@GetMapping(path = SignInThrottle.LOGIN, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	String loginPage(HttpServletRequest request) {
		String message = message(request);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		StringBuilder page = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="vi">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Đăng nhập / Sign in – Cooperation Hub</title>
				<style>
				body { font-family: sans-serif; max-width: 26rem; margin: 4rem auto; padding: 0 1rem; }
				label, input, button { display: block; width: 100%; box-sizing: border-box; }
				input { margin: .25rem 0 1rem; padding: .5rem; } button { padding: .6rem; }
				.alert { border: 1px solid #c33; background: #fee; padding: .75rem; margin-bottom: 1rem; }
				</style>
				</head>
				<body>
				<h1>Đăng nhập / Sign in</h1>
				""");
		if (message != null) {
			page.append("<div class=\"alert\" role=\"alert\">")
				.append(HtmlUtils.htmlEscape(message, "UTF-8"))
				.append("</div>\n");
		}
		page.append("<form method=\"post\" action=\"").append(request.getContextPath()).append(SignInThrottle.LOGIN);
		page.append("""
				">
				<label for="username">Tên đăng nhập / Username</label>
				<input type="text" id="username" name="username" autocomplete="username" required autofocus>
				<label for="password">Mật khẩu / Password</label>
				<input type="password" id="password" name="password" autocomplete="current-password" required>
				""");
		if (csrf != null) {
			page.append("<input name=\"")
				.append(HtmlUtils.htmlEscape(csrf.getParameterName()))
				.append("\" type=\"hidden\" value=\"")
				.append(HtmlUtils.htmlEscape(csrf.getToken()))
				.append("\">\n");
		}
		page.append("""
				<button type="submit">Đăng nhập / Sign in</button>
				</form>
				</body>
				</html>
				""");
		return page.toString();
	}

	private static String message(HttpServletRequest request) {
		if (request.getParameter("locked") != null) {
			return LOCKED;
		}
		if (request.getParameter("error") != null) {
			return FAILED;
		}
		return (request.getParameter("logout") != null) ? SIGNED_OUT : null;
	}

}
