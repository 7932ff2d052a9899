package com.blogplatform.shared.startup;

import java.util.List;

/**
 * Thrown at start-up when the configuration is unsafe for production (a missing secret, a
 * well-known development value). Its message names the setting and never contains the value;
 * {@link UnsafeConfigurationFailureAnalyzer} prints it as the one reason the process did not start.
 */
public class UnsafeConfigurationException extends RuntimeException {

	private final List<String> problems;

	public UnsafeConfigurationException(List<String> problems) {
		super("Refusing to start with profile prod: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
