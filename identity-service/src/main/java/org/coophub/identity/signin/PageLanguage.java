package org.coophub.identity.signin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two languages of the sign-in page, with every text the page shows in each. One
 * language at a time: a page in two languages reads as neither.
 */
enum PageLanguage {

	VI("vi", "Tiếng Việt", "Đăng nhập – Cooperation Hub", "Đăng nhập",
			"Không gian làm việc của cán bộ theo dõi chương trình hợp tác.", "Tên đăng nhập", "Mật khẩu", "Đăng nhập",
			LoginPageController.FAILED_VI, LoginPageController.LOCKED_VI, LoginPageController.SIGNED_OUT_VI),

	EN("en", "English", "Sign in – Cooperation Hub", "Sign in",
			"The workspace of the staff who run the cooperation program.", "Username", "Password", "Sign in",
			LoginPageController.FAILED_EN, LoginPageController.LOCKED_EN, LoginPageController.SIGNED_OUT_EN);

	/** The BCP 47 tag: {@code <html lang>}, the {@code lang} parameter, the cookie. */
	final String tag;

	/** The language's own name, for the link that switches to it. */
	final String name;

	final String title;

	final String heading;

	final String intro;

	final String username;

	final String password;

	final String submit;

	final String failed;

	final String locked;

	final String signedOut;

	PageLanguage(String tag, String name, String title, String heading, String intro, String username, String password,
			String submit, String failed, String locked, String signedOut) {
		this.tag = tag;
		this.name = name;
		this.title = title;
		this.heading = heading;
		this.intro = intro;
		this.username = username;
		this.password = password;
		this.submit = submit;
		this.failed = failed;
		this.locked = locked;
		this.signedOut = signedOut;
	}

	/** The language the page offers to switch to. */
	PageLanguage other() {
		return (this == VI) ? EN : VI;
	}

	/**
	 * The language a tag names ({@code vi}, {@code vi-VN}, {@code EN}…), if it is one of
	 * the page's.
	 */
	static Optional<PageLanguage> of(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.strip()).getLanguage();
		return Arrays.stream(values()).filter((candidate) -> candidate.tag.equals(language)).findFirst();
	}

}
