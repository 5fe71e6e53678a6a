package org.coophub.events.activity;

public enum ActivityType {

	INVESTMENT_PROMOTION_CONFERENCE, TRADE_PROMOTION, INFORMATION_EXCHANGE, DOCUMENT_SHARING, WEBSITE_PROMOTION,
	EXPERIENCE_EXCHANGE, TRAINING, SITE_VISIT, JOINT_MEETING, SPORTS_EVENT, ANNUAL_REVIEW, OTHER;

	/** Conferences whose outcomes (investors, MoUs, capital) the dashboards add up. */
	public boolean isPromotion() {
		return this == INVESTMENT_PROMOTION_CONFERENCE || this == TRADE_PROMOTION;
	}

}
