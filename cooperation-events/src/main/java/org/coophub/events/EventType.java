package org.coophub.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents type of an event record and the topic it travels on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/** {@code org.coophub.<aggregate>.<past-tense-verb>.v<major>}. */
	String value();

	String topic();

}
