package com.blogplatform.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a long text of a request body (a blog's body, its description) in which tabs and line
 * breaks belong. Every other text of a body is one line: a tab, line feed or carriage return in a
 * name, an e-mail, a title, a slug, a tag, a URL, a token or a password is refused with 400
 * {@code "<field> must not contain tabs or line breaks"}. Other control characters are refused
 * everywhere. Read where the body is parsed (shared.web's strict JSON), so there is one rule for
 * every string of every body and no field can be forgotten.
 */
@Documented
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
