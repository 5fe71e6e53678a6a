package org.coophub.platform.projection;

/**
 * A read-model document that holds the state of one aggregate at one version.
 */
public interface Versioned {

	String id();

	long version();

}
