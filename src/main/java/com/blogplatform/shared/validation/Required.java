package com.blogplatform.shared.validation;

/**
 * First validation stage: presence checks. Request types declare
 * {@code @GroupSequence({Required.class, TheRequest.class})}, so the rule checks (length, format)
 * run only when every required field is present, and a response reports the failures of one
 * stage only, as the contract specifies.
 */
public interface Required {
}
