package com.blogplatform.shared.security;

/**
 * Answers whether a presented {@code x-api-key} is an active key. Implemented by the module that
 * owns API keys (auth); where no implementation is present (the blog service behind Kong), the key
 * is checked by the gateway alone.
 */
public interface ApiKeyVerifier {

	/**
	 * @return whether the key is known and active
	 * @throws RuntimeException when the key store cannot be reached (answered with 503)
	 */
	boolean isActive(String presentedKey);
}
