package org.coophub.platform.web;

/**
 * One input at fault in a problem+json response: where it is and what is wrong with it.
 */
public record FieldError(String field, String message) {
}
