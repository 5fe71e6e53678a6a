package org.coophub.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form in the workspace's look, in Vietnamese or English
 * ({@link LanguageChoice}), with a link to the other language. Ours rather than Spring
 * Security's default page, which can only say "Invalid credentials": a locked sign-in has
 * to say that waiting helps. Every failure reads the same whether the username exists or
 * not. The style is inline: identity-service sends no Content-Security-Policy, and the
 * page then needs nothing but itself.
 */
@RestController
class LoginPageController {

	static final String FAILED_VI = "Tên đăng nhập hoặc mật khẩu không đúng.";

	static final String FAILED_EN = "Wrong username or password.";

	static final String LOCKED_VI = "Đăng nhập sai quá nhiều lần: tạm thời không thể đăng nhập, "
			+ "vui lòng thử lại sau ít phút.";

	static final String LOCKED_EN = "Too many failed sign-ins: signing in is blocked for now, "
			+ "please try again in a few minutes.";

	static final String SIGNED_OUT_VI = "Bạn đã đăng xuất.";

	static final String SIGNED_OUT_EN = "You have signed out.";

	/**
	 * The workspace's palette and type (its css/app.css: teal header band, system fonts,
	 * a card), focus always visible, one column down to a 360 px phone.
	 */
	static final String STYLE = """
			:root { --teal: #0b5563; --teal-dark: #073b45; --ink: #1d2a33; --muted: #4f5f67; --line: #d5dde1;
			  --bg: #f5f7f8; --error: #a32618; --error-bg: #fdecea; }
			* { box-sizing: border-box; }
			body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
			  background: var(--bg); line-height: 1.45; }
			:focus-visible { outline: 3px solid #e07a1f; outline-offset: 2px; }
			header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem;
			  padding: .5rem 1.5rem; background: var(--teal); color: #fff; }
			.brand { font-weight: 700; font-size: 1.15rem; }
			header a { color: #fff; border: 1px solid #fff; border-radius: 4px; padding: .25rem .6rem; text-decoration: none; }
			header a:hover { background: #fff; color: var(--teal); }
			main { display: flex; justify-content: center; padding: 2.5rem 1rem; }
			.card { width: 100%; max-width: 24rem; background: #fff; border: 1px solid var(--line); border-radius: 6px;
			  padding: 1.5rem; }
			h1 { font-size: 1.4rem; margin: 0 0 .25rem; color: var(--teal); }
			.intro { margin: 0 0 1.25rem; color: var(--muted); font-size: .95rem; }
			label { display: block; font-weight: 600; margin-bottom: .25rem; }
			input { display: block; width: 100%; margin: 0 0 1rem; padding: .5rem; font: inherit; color: var(--ink);
			  background: #fff; border: 1px solid #8a979e; border-radius: 4px; }
			button { width: 100%; padding: .6rem; font: inherit; font-weight: 600; color: #fff; background: var(--teal);
			  border: 1px solid var(--teal); border-radius: 4px; cursor: pointer; }
			button:hover { background: var(--teal-dark); }
			.message { border-radius: 4px; padding: .6rem .8rem; margin-bottom: 1rem; }
			.message.alert { border: 1px solid var(--error); background: var(--error-bg); color: var(--error); }
			.message.info { border: 1px solid var(--teal); background: #e6f1f3; color: var(--teal-dark); }
			@media (max-width: 40rem) { header { padding: .5rem .8rem; } main { padding: 1.25rem .75rem; }
			  .card { padding: 1.1rem; } }
			""";

	private final LanguageChoice languages = new LanguageChoice();

	@GetMapping(path = SignInThrottle.LOGIN, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	String loginPage(HttpServletRequest request, HttpServletResponse response) {
		PageLanguage language = this.languages.of(request, response);
		this.languages.rememberIfChosen(request, response);
		Message message = message(request);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String login = escape(request.getContextPath() + SignInThrottle.LOGIN);
		PageLanguage other = language.other();
		StringBuilder page = new StringBuilder(4096);
		page.append("<!DOCTYPE html>\n<html lang=\"")
			.append(language.tag)
			.append("\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
			.append(escape(language.title))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n<header>\n<span class=\"brand\">Cooperation Hub</span>\n")
			// the same page in the other language, with the message it shows
			.append("<a id=\"language-switch\" href=\"")
			.append(login)
			.append("?lang=")
			.append(other.tag)
			.append((message != null) ? "&amp;" + message.parameter : "")
			.append("\" hreflang=\"")
			.append(other.tag)
			.append("\" lang=\"")
			.append(other.tag)
			.append("\">")
			.append(escape(other.name))
			.append("</a>\n</header>\n<main>\n<form id=\"signin-form\" class=\"card\" method=\"post\" action=\"")
			.append(login)
			.append("\">\n<h1>")
			.append(escape(language.heading))
			.append("</h1>\n<p class=\"intro\">")
			.append(escape(language.intro))
			.append("</p>\n");
		if (message != null) {
			page.append(message.alert ? "<div class=\"message alert\" role=\"alert\">"
					: "<div class=\"message info\" role=\"status\">")
				.append(escape(message.text(language)))
				.append("</div>\n");
		}
		page.append("<label for=\"username\">")
			.append(escape(language.username))
			.append("</label>\n")
			.append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" ")
			.append("autocapitalize=\"none\" spellcheck=\"false\" required autofocus>\n")
			.append("<label for=\"password\">")
			.append(escape(language.password))
			.append("</label>\n")
			.append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" ")
			.append("required>\n");
		if (csrf != null) {
			page.append("<input name=\"")
				.append(escape(csrf.getParameterName()))
				.append("\" type=\"hidden\" value=\"")
				.append(escape(csrf.getToken()))
				.append("\">\n");
		}
		page.append("<button type=\"submit\">")
			.append(escape(language.submit))
			.append("</button>\n</form>\n</main>\n</body>\n</html>\n");
		return page.toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static Message message(HttpServletRequest request) {
		for (Message message : Message.values()) {
			if (request.getParameter(message.parameter) != null) {
				return message;
			}
		}
		return null;
	}

	/**
	 * What the page tells, by the parameter the sign-in sent it with; a lock first, as it
	 * also counts as a failure.
	 */
	private enum Message {

		LOCKED("locked", true), FAILED("error", true), SIGNED_OUT("logout", false);

		private final String parameter;

		private final boolean alert;

		Message(String parameter, boolean alert) {
			this.parameter = parameter;
			this.alert = alert;
		}

		String text(PageLanguage language) {
			return switch (this) {
				case LOCKED -> language.locked;
				case FAILED -> language.failed;
				case SIGNED_OUT -> language.signedOut;
			};
		}

	}

}
